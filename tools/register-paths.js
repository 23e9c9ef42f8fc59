// Resolves `@copydesk/<lib>` to the compiled library in dist/, so the services run from
// the build output with the same imports as the sources. `@copydesk/<lib>/<entry>` (such as
// `@copydesk/wire-formats/testing`, for benchmarks) is the compiled `libs/<lib>/<entry>/index`.
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', 'dist');
const original = Module._resolveFilename;

Module._resolveFilename = function resolve(request, parent, isMain, options) {
  if (request.startsWith('@copydesk/') && request !== '@copydesk/cli') {
    // `@copydesk/<lib>` is the library's src/ entry point; `@copydesk/<lib>/<entry>` a secondary
    // entry point beside it (`@copydesk/kafka/testing`).
    const [lib, entry = 'src'] = request.slice('@copydesk/'.length).split('/');
    return original.call(this, path.join(dist, 'libs', lib, entry, 'index.js'), parent, isMain, options);
  }
  return original.call(this, request, parent, isMain, options);
};
