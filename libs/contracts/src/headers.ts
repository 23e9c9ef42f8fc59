/** Kafka header names. Every header Copydesk writes is listed here. */
export const Header = {
  SubmissionId: 'copydesk-submission-id',
  SourceId: 'copydesk-source-id',
  ReceivedAt: 'copydesk-received-at',
  CapturedAt: 'copydesk-captured-at',
  ContentType: 'content-type',
  Size: 'copydesk-size',
  Sha256: 'copydesk-sha256',
  StoryId: 'copydesk-story-id',
  ItemId: 'copydesk-item-id',
  /** `<schema>:<record id>` of the outbox record a message was sent from: how a relay recognises what it already sent. */
  OutboxId: 'copydesk-outbox-id',
  /** On a message replayed from the DLQ: the attempts its dead letter recorded, so a dead letter made again counts on from them. */
  Attempts: 'copydesk-attempts',
  /** On a message replayed from the DLQ: `<dlq topic>/<partition>/<offset>` of the dead letter it came from. */
  ReplayOf: 'copydesk-replay-of',
  // W3C Trace Context, passed from message to message
  TraceParent: 'traceparent',
  TraceState: 'tracestate',
  // dead letters
  DlqStage: 'dlq-stage',
  DlqErrorCode: 'dlq-error-code',
  DlqErrorMessage: 'dlq-error-message',
  DlqErrorDetails: 'dlq-error-details',
  DlqTopic: 'dlq-original-topic',
  DlqPartition: 'dlq-original-partition',
  DlqOffset: 'dlq-original-offset',
  DlqKey: 'dlq-original-key',
  DlqAttempts: 'dlq-attempts',
  DlqFailedAt: 'dlq-failed-at',
  /** Prefix under which the original message's headers are kept on a dead letter. */
  DlqOriginalHeaderPrefix: 'dlq-original-header-',
  // CloudEvents 1.0, Kafka binary binding
  CeId: 'ce_id',
  CeSource: 'ce_source',
  CeType: 'ce_type',
  CeTime: 'ce_time',
  CeSpecVersion: 'ce_specversion',
  CeSubject: 'ce_subject',
  CeDataSchema: 'ce_dataschema',
  /** CloudEvents distributed tracing extension: the event's `traceparent` and `tracestate`, the same as the W3C headers. */
  CeTraceParent: 'ce_traceparent',
  CeTraceState: 'ce_tracestate',
} as const;
