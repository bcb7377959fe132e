package cn.chanjiao.scenario;

import java.io.PrintStream;

/**
 * Run way 2: loads the scenario's programme year into a platform that {@code deploy/local/run.sh}
 * started (or any platform whose gateway and Keycloak are given), once. A second run notices the
 * data of the first and only prints what to look at.
 *
 * <pre>deploy/scenario/demo.sh [--gateway http://127.0.0.1:8080] [--keycloak http://127.0.0.1:18080]</pre>
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        String gateway = "http://127.0.0.1:8080";
        String keycloak = "http://127.0.0.1:18080";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--keycloak" -> keycloak = args[++i];
                case "--help", "-h" -> {
                    System.out.println("deploy/scenario/demo.sh [--gateway URL] [--keycloak URL]  (defaults: the ports of deploy/local/run.sh)");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        Api api = new Api(gateway, keycloak);
        ProgrammeYear year = new ProgrammeYear(api, System.out);
        try {
            if (year.alreadyLoaded()) {
                System.out.println("The programme year is already loaded (organisation " + ProgrammeYear.ORGANISATIONS.get(0).name()
                        + " exists): nothing to do. deploy/local/run.sh --reset starts again from empty databases.");
            } else {
                System.out.println("Loading one programme year through " + gateway + " (a few minutes) …");
                ProgrammeYear.Summary summary = year.run();
                System.out.println("Done: " + summary);
            }
        } catch (ScenarioFailure e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e + " — is the platform running (deploy/local/run.sh)?");
            System.exit(1);
        }
        printGuide(System.out, gateway, keycloak);
    }

    static void printGuide(PrintStream out, String gateway, String keycloak) {
        out.println();
        out.println("What to look at");
        out.println("  Swagger UI                 " + gateway + "/swagger-ui.html");
        out.println("  approved platforms (public) " + gateway + "/api/v1/public/applications/platforms");
        out.println("  public notices (public)     " + gateway + "/api/v1/public/applications/notices");
        out.println("  programmes (public)         " + gateway + "/api/v1/public/programmes");
        out.println("  Keycloak admin console      " + keycloak + "/admin  (admin / admin)");
        out.println();
        out.println("Logins (realm chanjiao, client chanjiao-web)");
        out.println("  org admins the scenario registered, password " + ProgrammeYear.PASSWORD + ":");
        for (ProgrammeYear.OrganisationSpec spec : ProgrammeYear.ORGANISATIONS) {
            out.printf("    %-22s %s%n", spec.username(), spec.name());
        }
        for (ProgrammeYear.OrganisationSpec spec : HangzhouProgrammes.organisations()) {
            out.printf("    %-22s %s%n", spec.username(), spec.name());
        }
        out.println("  experts expert-yq, expert-jz, expert-lf, expert-ty-park, expert-sx-univ, hz-expert-institute, hz-expert-xihu,"
                + " hz-expert-univ, password " + ProgrammeYear.PASSWORD);
        out.println("  Hangzhou's staff the scenario appointed, password " + ProgrammeYear.PASSWORD + ": hz-edu-admin, hz-eit-admin"
                + " (city education / industry-it bureaus), district reviewers " + String.join(", ", HangzhouProgrammes.districtReviewerNames()));
        out.println("  national programmes (city consortia, national community), password " + ProgrammeYear.PASSWORD + ":");
        out.println("    moe-edu-admin          the Ministry of Education's programme admin (100000, appointed by platform-admin)");
        out.println("    prov-edu-reviewer-140000  Shanxi's education reviewer (appointed by programme-admin-shanxi)");
        out.println("    moe-expert-bj, moe-expert-tj, moe-expert-p1   the ministry's experts");
        out.println("    cc1-park-admin … cc4-park-admin, nc-enterprise-admin, soe-admin   the applicants");
        out.println("  demo users of the realm (programme-admin-shanxi, programme-admin-hangzhou, platform-admin …), password chanjiao-demo");
        out.println();
        out.println("Try:");
        out.println("  TOKEN=$(curl -s -d grant_type=password -d client_id=chanjiao-web -d username=sx-ev-admin -d password="
                + ProgrammeYear.PASSWORD + " \\");
        out.println("    " + keycloak + "/realms/chanjiao/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/v1/applications");
    }
}
