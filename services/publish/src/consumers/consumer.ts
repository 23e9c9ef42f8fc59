/** A reader of the stories API and the SSE stream, known by its key. */
export interface Consumer {
  id: string;
  name: string;
  /** May read withheld and canceled versions, and embargoed stories before their time. */
  allStatuses: boolean;
}

export interface ConsumerRecord extends Consumer {
  createdAt: Date;
  disabledAt: Date | null;
}

/** What `copydesk consumers add` hands out once: the key is never stored, only its hash. */
export interface NewConsumer extends Consumer {
  apiKey: string;
}
