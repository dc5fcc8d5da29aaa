# The dashboard's browser test drives Debian's Chromium through playwright-core (executablePath /usr/bin/chromium).
apt_install chromium
