import Foundation
import JieyouDomain
import Testing
import Vapor
import VaporTesting

@testable import JieyouApp

/// Every `SiteURL` is a route the app registers, and a link built from it reaches that route.
@Suite struct SiteURLTests {
    static let id = UUID(uuidString: "0F0E0D0C-0B0A-0908-0706-050403020100")!

    /// Each case once, with values for a link.
    static let links: [SiteURL] = [
        .home, .login, .logout, .password, .notifications, .notificationsRead, .calendar,
        .problems, .newProblem, .problem(.value(id)), .problemAction(.value(id), .value(.assign)), .problemList,
        .problemImport, .responsibilityList, .responsibilityFile, .closedList, .closedFile,
        .departmentWork(.value(id)), .stats, .reports, .bulletinFile, .campaignSummary, .campaignSummaryFile,
        .storedReports, .storedReport(.value(id)), .storedReportFile(.value(id)), .storedReportIssue(.value(id)),
        .dashboard, .directory, .orgUnits, .newOrgUnit, .orgUnit(.value(id)), .departments, .newDepartment,
        .department(.value(id)), .users, .newUser, .user(.value(id)), .events, .orgSettings, .orgSettingsLimits,
        .orgSettingsCategories, .orgSettingsCategory(.value("02.01")), .orgSettingsCategoryDelete(.value("02.01")),
        .orgSettingsChannels, .orgSettingsChannelToggle(.value(id)), .orgSettingsChannelDelete(.value(id)),
        .enterprises, .newEnterprise, .enterprise(.value(id)), .editEnterprise(.value(id)), .tags, .enterpriseImport,
        .enterpriseTemplate, .teams, .newTeam, .team(.value(id)), .visits, .newVisit, .meetings, .newMeeting,
        .meeting(.value(id)), .coverage, .financing, .financingDemand(.value(id)), .financingSteps(.value(id)),
        .campaigns, .newCampaign, .campaign(.value(id)), .editCampaign(.value(id)), .policies, .policyCompilation,
        .newPolicy, .policy(.value(id)), .editPolicy(.value(id)), .policyPush(.value(id)),
        .policyDeliveries(.value(id)), .policyGrants(.value(id)), .myPolicies, .acknowledgePolicy(.value(id)),
        .benefits, .projects, .project(.value(id)), .projectSteps(.value(id)), .plans, .planImport,
        .plan(.value(id)), .planLists(.value(id)), .planBulletin(.value(id)), .planBulletinFile(.value(id)),
        .planTargetActuals(.value(id)), .planUnit(.value(id)), .planTask(.value(id)), .planTaskProgress(.value(id)),
        .planTaskSupervision(.value(id)), .planTaskMilestones(.value(id)),
    ]

    @Test func linksAreWrittenAsThePagesAlwaysWroteThem() {
        #expect(SiteURL.problem(.value(Self.id)).path == "/problems/0f0e0d0c-0b0a-0908-0706-050403020100")
        #expect(
            SiteURL.problemAction(.value(Self.id), .value(.assign)).path
                == "/problems/0f0e0d0c-0b0a-0908-0706-050403020100/actions/assign")
        #expect(
            SiteURL.problemAction(.key, .key).pathComponents.map(\.description) == [
                "problems", ":id", "actions", ":action",
            ])
        #expect(WebPath.responsibilityList == "/problems/responsibility")
        #expect(SiteURL.departmentWork(.value(Self.id)).path.hasPrefix("/work/departments/"))
        #expect(WebPath.user(Self.id) == "/admin/users/0f0e0d0c-0b0a-0908-0706-050403020100")
        #expect(SiteURL.home.path == "/")
        #expect(SiteURL.planTargetActuals(.value(Self.id)).path.hasPrefix("/plans/targets/"))
        #expect(SiteURL.orgSettingsCategoryDelete(.value("02.01")).path == "/admin/settings/categories/02.01/delete")
    }

    @Test func everyLinkReachesARegisteredRoute() async throws {
        try await withApp { app in
            let registered = app.routes.all.map { $0.path.map(\.description) }
            for link in Self.links {
                let parts = link.path.split(separator: "/").map(String.init)
                let matched = registered.contains { route in
                    route.count == parts.count
                        && zip(route, parts).allSatisfy { component, part in
                            component.hasPrefix(":") || component == part
                        }
                }
                #expect(matched, "no route serves \(link.path)")
            }
            // And each case is registered as SiteURL spells it (a parameter's components do not depend
            // on its value).
            for link in Self.links {
                let components = link.pathComponents.map(\.description)
                #expect(registered.contains(components), "\(components) is not registered")
            }
        }
    }
}
