import Foundation

/// The paths links and redirects use most, by name: each is a `SiteURL`'s (the assets' aside), so that
/// registration and links agree.
enum WebPath {
    static let home = SiteURL.home.path
    static let loginPath = SiteURL.login.path
    static let logout = SiteURL.logout.path
    static let password = SiteURL.password.path
    static let directory = SiteURL.directory.path
    static let orgUnits = SiteURL.orgUnits.path
    static let departments = SiteURL.departments.path
    static let users = SiteURL.users.path
    static let events = SiteURL.events.path
    static let calendar = SiteURL.calendar.path
    static let orgSettings = SiteURL.orgSettings.path
    static let stylesheet = "/assets/app.css"
    static let enterprises = SiteURL.enterprises.path
    static let enterpriseImport = SiteURL.enterpriseImport.path
    static let enterpriseTemplate = SiteURL.enterpriseTemplate.path
    static let visits = SiteURL.visits.path
    static let visitExport = SiteURL.visitExport.path
    static let meetingExport = SiteURL.meetingExport.path
    static let financingExport = SiteURL.financingExport.path
    static let coverageExport = SiteURL.coverageExport.path
    static let problemExport = SiteURL.problemExport.path
    static let statsExport = SiteURL.statsExport.path
    static let newVisit = SiteURL.newVisit.path
    static let uploadScript = "/assets/upload.js"
    static let campaigns = SiteURL.campaigns.path
    static let coverage = SiteURL.coverage.path
    static let meetings = SiteURL.meetings.path
    static let teams = SiteURL.teams.path
    static let tags = SiteURL.tags.path
    static let problems = SiteURL.problems.path
    static let problemList = SiteURL.problemList.path
    static let problemImport = SiteURL.problemImport.path
    static let workOrderImport = SiteURL.workOrderImport.path
    static let workOrderReplies = SiteURL.workOrderReplies.path
    static let responsibilityList = SiteURL.responsibilityList.path
    static let closedList = SiteURL.closedList.path
    static let notifications = SiteURL.notifications.path
    static let stats = SiteURL.stats.path
    static let reports = SiteURL.reports.path
    static let storedReports = SiteURL.storedReports.path
    static let campaignSummary = SiteURL.campaignSummary.path
    static let dashboard = SiteURL.dashboard.path
    static let policies = SiteURL.policies.path
    static let myPolicies = SiteURL.myPolicies.path
    static let benefits = SiteURL.benefits.path
    static let projects = SiteURL.projects.path
    static let financing = SiteURL.financing.path
    static let plans = SiteURL.plans.path
    static let planImport = SiteURL.planImport.path

    static func policy(_ id: UUID) -> String { SiteURL.policy(.value(id)).path }
    static func project(_ id: UUID) -> String { SiteURL.project(.value(id)).path }
    static func financingDemand(_ id: UUID) -> String { SiteURL.financingDemand(.value(id)).path }
    static func plan(_ id: UUID) -> String { SiteURL.plan(.value(id)).path }
    static func planTask(_ id: UUID) -> String { SiteURL.planTask(.value(id)).path }
    static func planUnit(_ id: UUID) -> String { SiteURL.planUnit(.value(id)).path }

    static func login(next: String? = nil) -> String {
        guard let next, isSafeRedirect(next), next != home else { return loginPath }
        return loginPath + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
    }

    /// `a=1&b=x%20y`: a query string with every value encoded.
    static func query(_ pairs: [(key: String, value: String)]) -> String {
        pairs.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")" }
            .joined(separator: "&")
    }

    static func orgUnit(_ id: UUID) -> String { SiteURL.orgUnit(.value(id)).path }
    static func department(_ id: UUID) -> String { SiteURL.department(.value(id)).path }
    static func enterprise(_ id: UUID) -> String { SiteURL.enterprise(.value(id)).path }
    static func newVisit(for enterprise: UUID) -> String {
        "\(newVisit)?enterprise=\(enterprise.uuidString.lowercased())"
    }
    static func campaign(_ id: UUID) -> String { SiteURL.campaign(.value(id)).path }
    static func meeting(_ id: UUID) -> String { SiteURL.meeting(.value(id)).path }
    static func team(_ id: UUID) -> String { SiteURL.team(.value(id)).path }
    /// A department's work page (部门工作台), outside the admin pages.
    static func departmentWork(_ id: UUID) -> String { SiteURL.departmentWork(.value(id)).path }
    static func problem(_ id: UUID) -> String { SiteURL.problem(.value(id)).path }
    static func storedReport(_ id: UUID) -> String { SiteURL.storedReport(.value(id)).path }
    static func user(_ id: UUID) -> String { SiteURL.user(.value(id)).path }

    /// Only same-site absolute paths may be redirect targets (`/x`, never `//evil.example` or `http:`).
    static func isSafeRedirect(_ target: String) -> Bool {
        target.hasPrefix("/") && !target.hasPrefix("//")
            && target.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }
    }
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
