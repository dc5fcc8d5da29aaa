# The browser tests (the dashboard's, the sample widget's) drive Debian's Chromium through playwright-core
# (executablePath /usr/bin/chromium).
apt_install chromium
