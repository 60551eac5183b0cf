/** Settings shared by the e2e server launcher and the tests. */
export const e2eDatabaseName = `${process.env.ENGRAM_TEST_DB_PREFIX ?? "engram_test"}_e2e`;
export const e2eApiKey = process.env.ENGRAM_E2E_API_KEY ?? "engram-e2e-bootstrap-key-0123456789";
export const admin = { email: "admin@engram.test", password: "admin-password-42", name: "Ada Admin" };
