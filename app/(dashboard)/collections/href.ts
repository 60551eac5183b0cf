export const collectionHref = (name: string) => `/collections/${encodeURIComponent(name)}`;
