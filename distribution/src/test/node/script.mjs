// Every auth flow of the published Commerce Engine storefront SDK, run as a storefront would run it, against
// Storefront Auth. Usage: node script.mjs <baseUrl> <storeId> <publishableKey> (a test-mode store, so that
// x-debug-mode echoes the codes; CommerceEngineSdkIT prepares it). Prints one JSON line per flow, then a
// summary line {"flows": [...], "failed": [...]}, and exits 1 when a flow failed.
import { createStorefront, MemoryTokenStorage } from "@commercengine/storefront-sdk";

const [baseUrl, storeId, apiKey] = process.argv.slice(2);
if (!baseUrl || !storeId || !apiKey) {
  console.error("usage: node script.mjs <baseUrl> <storeId> <publishableKey>");
  process.exit(2);
}

const storage = new MemoryTokenStorage();
// The one line a Commerce Engine storefront changes: baseUrl (and the key) instead of environment.
const storefront = createStorefront({
  storeId,
  apiKey,
  baseUrl: `${baseUrl}/api/v1/${storeId}/storefront`,
  defaultHeaders: { debug_mode: true },
  session: { tokenStorage: storage },
});
const sdk = storefront.session();

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const email = (name) => `${name}.${run}@example.com`;
const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
const flows = [];
const failed = [];

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function claims(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
}

/** The SDK's answer: data on success; the error envelope and status otherwise. */
async function ok(call, what) {
  const { data, error, response } = await call;
  check(!error, `${what}: ${response?.status} ${JSON.stringify(error)}`);
  return data;
}

async function refused(call, status, code, what) {
  const { data, error, response } = await call;
  check(data === null && error, `${what}: expected a refusal, got ${JSON.stringify(data)}`);
  check(response.status === status && error.code === code && error.success === false && error.message,
    `${what}: expected ${status} ${code}, got ${response.status} ${JSON.stringify(error)}`);
  return error;
}

async function flow(name, body) {
  try {
    const details = await body();
    flows.push(name);
    console.log(JSON.stringify({ flow: name, ok: true, ...details }));
  } catch (e) {
    failed.push(name);
    console.log(JSON.stringify({ flow: name, ok: false, error: String(e?.stack ?? e) }));
  }
}

/** Codes are echoed in a test-mode store asked with x-debug-mode; the SDK passes them through. */
async function verify(challenge, action) {
  check(challenge.otp_token && challenge.otp, `no otp_token/otp echoed: ${JSON.stringify(challenge)}`);
  check(challenge.otp_action === action, `otp_action ${challenge.otp_action}, expected ${action}`);
  return ok(sdk.auth.verifyOtp({ otp: challenge.otp, otp_token: challenge.otp_token, otp_action: action }),
    `verify-otp ${action}`);
}

async function signedInAs(user, expectedEmail) {
  check(user.is_logged_in === true && user.is_anonymous === false, `not signed in: ${JSON.stringify(user)}`);
  if (expectedEmail) check(user.email === expectedEmail, `email ${user.email}, expected ${expectedEmail}`);
  const access = await storage.getAccessToken();
  check(claims(access).sub === user.id, "the SDK did not keep the customer's tokens");
}

async function logout() {
  const data = await ok(sdk.auth.logout(), "logout");
  check(data.user.is_anonymous === true && data.access_token, "logout hands back an anonymous session");
  check(await storage.getAccessToken() === data.access_token, "the SDK did not keep the anonymous session");
  return data;
}

await flow("anonymous token", async () => {
  const data = await ok(sdk.auth.getAnonymousToken(), "anonymous");
  check(data.user.is_anonymous === true && data.user.is_logged_in === false, JSON.stringify(data.user));
  check(await storage.getAccessToken() === data.access_token, "the SDK did not keep the anonymous token");
  return { guest: data.user.id };
});

await flow("register with email code, guest linked, get and update user", async () => {
  const guest = claims(await storage.getAccessToken()).sub;
  const address = email("ada");
  const challenge = await ok(sdk.auth.registerWithEmail({ email: address, first_name: "Ada", last_name: "Byron" }),
    "register/email");
  const { user, access_token } = await verify(challenge, "register");
  await signedInAs(user, address);
  check(user.first_name === "Ada" && user.last_name === "Byron" && user.is_email_verified, JSON.stringify(user));
  check(claims(access_token).anonymous_id === guest, "the guest is not linked to the new session");
  const fetched = await ok(sdk.auth.getUserDetails({ id: user.id }), "get user");
  check(fetched.user.email === address && fetched.user.login_methods.includes("email"), JSON.stringify(fetched));
  const updated = await ok(sdk.auth.updateUserDetails({ id: user.id }, { last_name: "Lovelace" }), "update user");
  check(updated.user.last_name === "Lovelace" && updated.user.first_name === "Ada", JSON.stringify(updated));
  await logout();
  return { user: user.id };
});

await flow("login with email code, register_if_not_exists", async () => {
  const address = email("grace");
  const challenge = await ok(sdk.auth.loginWithEmail({ email: address, register_if_not_exists: true }), "login/email");
  const { user } = await verify(challenge, "register");
  await signedInAs(user, address);
  await logout();
});

await flow("login with phone code, +44", async () => {
  const phone = "7400" + digits(6);
  const challenge = await ok(sdk.auth.loginWithPhone({ phone, country_code: "+44", register_if_not_exists: true }),
    "login/phone");
  const { user } = await verify(challenge, "register");
  await signedInAs(user);
  check(user.phone === phone && user.country_code === "+44" && user.is_phone_verified, JSON.stringify(user));
  await logout();
});

await flow("login with WhatsApp code, +91", async () => {
  const phone = "98" + digits(8);
  const challenge = await ok(sdk.auth.loginWithWhatsApp({ phone, country_code: "+91", register_if_not_exists: true }),
    "login/whatsapp");
  const { user } = await verify(challenge, "register");
  await signedInAs(user);
  check(user.phone === phone && user.country_code === "+91", JSON.stringify(user));
  await logout();
});

/** Password sign-up answers like a password sign-in unless the store requires a verified contact first. */
async function registerWithPassword(body) {
  const data = await ok(sdk.auth.registerWithPassword({ ...body, confirm_password: body.password }),
    "register/password");
  if (data.otp_token) return (await verify(data, data.otp_action)).user;
  await sdk.setTokens(data.access_token, data.refresh_token);
  return data.user;
}

await flow("password: register, sign in, verify email, change password, change email", async () => {
  const address = email("hopper");
  const registered = await registerWithPassword({ email: address, password: "first secret phrase 1" });
  await signedInAs(registered, address);
  await logout();
  const { user } = await ok(sdk.auth.loginWithPassword({ email: address, password: "first secret phrase 1" }),
    "login/password");
  await signedInAs(user, address);
  check(user.login_methods.includes("password") && !user.is_email_verified, JSON.stringify(user));
  const check1 = await ok(sdk.auth.generateOtp({ channel: "email", email: address, otp_action: "verify-email" }),
    "generate-otp verify-email");
  const verified = await verify(check1, "verify-email");
  check(verified.user.is_email_verified === true, JSON.stringify(verified));
  await ok(sdk.auth.changePassword({ old_password: "first secret phrase 1", new_password: "second secret phrase 2",
    confirm_password: "second secret phrase 2" }), "change-password");
  await refused(sdk.auth.loginWithPassword({ email: address, password: "first secret phrase 1" }), 401,
    "invalid_credentials", "the old password");
  await ok(sdk.auth.loginWithPassword({ email: address, password: "second secret phrase 2" }), "the new password");
  const next = email("hopper.new");
  const change = await ok(sdk.auth.generateOtp({ channel: "email", email: next, otp_action: "update-email" }),
    "generate-otp update-email");
  const changed = await verify(change, "update-email");
  check(changed.user.email === next, JSON.stringify(changed));
  await logout();
});

await flow("password: register and sign in by phone", async () => {
  const phone = "97" + digits(8);
  await registerWithPassword({ phone, country_code: "+91", password: "phone secret phrase 3" });
  await logout();
  const { user } = await ok(sdk.auth.loginWithPassword({ phone, country_code: "+91",
    password: "phone secret phrase 3" }), "login/password by phone");
  await signedInAs(user);
  check(user.phone === phone && user.country_code === "+91", JSON.stringify(user));
  await logout();
});

await flow("forgot and reset password", async () => {
  const address = email("forgetful");
  await registerWithPassword({ email: address, password: "lost secret phrase 4" });
  await logout();
  const challenge = await ok(sdk.auth.forgotPassword({ email: address }), "forgot-password");
  check(challenge.otp_action === "reset-password" && challenge.otp, JSON.stringify(challenge));
  const reset = await ok(sdk.auth.resetPassword({ otp_token: challenge.otp_token, otp: challenge.otp,
    new_password: "found secret phrase 5", confirm_password: "found secret phrase 5" }), "reset-password");
  check(reset.user.email === address, JSON.stringify(reset));
  await refused(sdk.auth.loginWithPassword({ email: address, password: "lost secret phrase 4" }), 401,
    "invalid_credentials", "the forgotten password");
  const { user } = await ok(sdk.auth.loginWithPassword({ email: address, password: "found secret phrase 5" }),
    "the reset password");
  await signedInAs(user, address);
});

await flow("the SDK refreshes an expiring access token by itself", async () => {
  const before = await storage.getAccessToken();
  const { exp } = claims(before);
  // the SDK refreshes 30 s before exp; the IT gives this store 60 s access tokens
  const wait = exp * 1000 - 30_000 - Date.now() + 1_000;
  check(wait < 45_000, `the access token lives too long for this flow: exp ${exp}`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  const { user } = await ok(sdk.auth.getUserDetails({ id: claims(before).sub }), "get user after expiry");
  const after = await storage.getAccessToken();
  check(after !== before && claims(after).sub === user.id, "the SDK did not refresh the customer's session");
  check(user.is_logged_in === true, "the refresh fell back to an anonymous session");
});

await flow("refresh-token rotates; a reused refresh token is refused", async () => {
  const first = await storage.getRefreshToken();
  const second = await ok(sdk.auth.refreshToken({ refresh_token: first }), "refresh-token");
  check(second.access_token && second.refresh_token !== first, JSON.stringify(second));
  const third = await ok(sdk.auth.refreshToken({ refresh_token: second.refresh_token }), "refresh-token again");
  // once its successor was used, a spent refresh token is reuse: the whole session ends
  await refused(sdk.auth.refreshToken({ refresh_token: first }), 401, "invalid_refresh_token", "reuse");
  await refused(sdk.auth.refreshToken({ refresh_token: third.refresh_token }), 401, "invalid_refresh_token",
    "the newest token after reuse");
});

await flow("errors keep the envelope", async () => {
  await sdk.clearTokens();
  const challenge = await ok(sdk.auth.loginWithEmail({ email: email("typo"), register_if_not_exists: true }),
    "login/email");
  const wrong = challenge.otp === "000000" ? "111111" : "000000";
  await refused(sdk.auth.verifyOtp({ otp: wrong, otp_token: challenge.otp_token, otp_action: "register" }), 401,
    "invalid_otp", "a wrong code");
  await refused(sdk.auth.loginWithPassword({ email: email("nobody"), password: "no such account 6" }), 401,
    "invalid_credentials", "an unknown account");
  await refused(sdk.auth.loginWithPhone({ phone: "12", country_code: "+91" }), 400, "invalid_request",
    "a short phone");
  await refused(sdk.auth.getProfileImage({ id: "anyone" }), 404, "not_found", "profile images");
});

console.log(JSON.stringify({ flows, failed }));
process.exit(failed.length === 0 ? 0 : 1);
