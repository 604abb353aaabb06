/** Never download a browser: tests use Debian's /usr/bin/chromium. */
module.exports = { skipDownload: true };
