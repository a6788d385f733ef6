// An NGO portal's referral work with the TypeScript client that openapi-generator (typescript-fetch) makes from
// ngo-portal.yaml: pull the referrals sent to the centre, accept one, start it and complete it, each change at
// the version last read (If-Match). NgoPortalTypeScriptClientTest runs it against the service; to run it by hand
// against the demo stack: QORGAU_BASE_URL=http://127.0.0.1:8080 QORGAU_TOKEN=... QORGAU_REFERRAL_ID=... node <this>.
import {
  Configuration,
  ReferralsApi,
  ResponseError,
  type Referral,
  type Transition,
} from "../../target/generated-test-sources/ngo-portal-ts";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function main(): Promise<void> {
  const referrals = new ReferralsApi(
    new Configuration({
      basePath: required("QORGAU_BASE_URL"),
      // For an OAuth2 scheme, typescript-fetch sends accessToken as the whole Authorization header.
      accessToken: `Bearer ${required("QORGAU_TOKEN")}`,
      headers: { "Accept-Language": "ru" },
    }),
  );
  const wanted = required("QORGAU_REFERRAL_ID");

  // Page through the incoming referrals still waiting for an answer, as a portal's inbox does.
  let found: Referral | undefined;
  let cursor: string | undefined;
  do {
    const page = await referrals.listReferrals({ direction: "INCOMING", state: "SUBMITTED", limit: 100, cursor });
    found = page.items?.find((referral) => referral.id === wanted);
    cursor = page.nextCursor;
  } while (!found && cursor);
  if (!found) {
    throw new Error(`referral ${wanted} is not among the centre's submitted referrals`);
  }

  const fire = (seen: Referral, transition: Transition): Promise<Referral> =>
    referrals.fireReferralAction({ id: seen.id!, transition, ifMatch: `"${seen.version}"` });

  let referral = await fire(found, { action: "ACCEPT", assignee: "portal-intake" });
  referral = await fire(referral, { action: "START" });

  // A change made with a stale version is refused with 412; the problem detail comes in the language asked.
  try {
    await fire(found, { action: "PAUSE" });
    throw new Error("a stale If-Match was accepted");
  } catch (error) {
    if (!(error instanceof ResponseError) || error.response.status !== 412) {
      throw error;
    }
    const problem = await error.response.json();
    console.log(`stale version refused: ${error.response.headers.get("Content-Language")} ${problem.title}`);
  }

  referral = await fire(referral, {
    action: "COMPLETE",
    outcome: "GOALS_MET",
    servicesDelivered: new Set(["PSYCHOLOGICAL_COUNSELLING"]),
  });
  console.log(`${referral.id} ${referral.state} ${referral.outcome}`);
}

main().catch(async (error) => {
  if (error instanceof ResponseError) {
    console.error(`${error.response.status} ${error.response.url}: ${await error.response.text()}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
