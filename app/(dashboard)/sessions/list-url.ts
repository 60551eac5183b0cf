/** Where "← Sessions" on a session page goes back to: the list as it was left (session storage). */
export const LIST_URL_KEY = "engram-sessions-url";
