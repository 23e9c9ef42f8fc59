// Resolves `@copydesk/<lib>` to the compiled library in dist/, so the services run from
// the build output with the same imports as the sources.
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', 'dist');
const original = Module._resolveFilename;

Module._resolveFilename = function resolve(request, parent, isMain, options) {
  if (request.startsWith('@copydesk/') && request !== '@copydesk/cli') {
    const lib = request.slice('@copydesk/'.length);
    return original.call(this, path.join(dist, 'libs', lib, 'src', 'index.js'), parent, isMain, options);
  }
  return original.call(this, request, parent, isMain, options);
};
