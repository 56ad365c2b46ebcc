// Loaded in <head>, before the body is drawn: styles for "js" apply without a flash.
// A file rather than an inline script, so a cached page carries no per-response CSP nonce.
document.documentElement.classList.replace("no-js", "js");
