/* global location, document */
// Test and debugging aid: ?inspect mirrors the Lightning render tree into the DOM. A file of
// its own, not an inline script, so the page runs under a Content-Security-Policy without
// 'unsafe-inline'. Loaded synchronously before app.js, so the inspector attaches first.
if (/[?&]inspect\b/.test(location.search)) document.write('<script src="lightning-inspect.js"></script>');
