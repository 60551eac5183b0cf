/**
 * A value already serialized as JSON (by Postgres): a REST reply sends the text as it is, where
 * parsing it into objects and serializing them again would only cost the server time.
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  parse(): T {
    return JSON.parse(this.text) as T;
  }
}
