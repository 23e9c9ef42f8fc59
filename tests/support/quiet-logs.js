// Tests log only warnings and errors from Nest and kafkajs, as one JSON line each.
const { Logger } = require('@nestjs/common');
const { JsonLogger } = require('../../libs/observability/src/logging/json-logger');

Logger.overrideLogger(new JsonLogger({ service: 'test', level: 'warn' }));
