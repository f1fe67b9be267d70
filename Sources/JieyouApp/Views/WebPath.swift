import Foundation

/// Every path of the web pages, in one place: links and redirects use these, never a typed URL. The
/// pages that moved to `SiteURL` take their paths from it, so that registration and links agree.
enum WebPath {
    static let home = "/"
    static let loginPath = "/login"
    static let logout = "/logout"
    static let password = "/account/password"
    static let directory = SiteURL.directory.path
    static let orgUnits = SiteURL.orgUnits.path
    static let departments = SiteURL.departments.path
    static let users = SiteURL.users.path
    static let events = SiteURL.events.path
    static let calendar = "/admin/calendar"
    static let orgSettings = SiteURL.orgSettings.path
    static let stylesheet = "/assets/app.css"
    static let enterprises = "/enterprises"
    static let enterpriseImport = "/enterprises/import"
    static let enterpriseTemplate = "/enterprises/import/template.xlsx"
    static let visits = "/visits"
    static let newVisit = "/visits/new"
    static let uploadScript = "/assets/upload.js"
    static let campaigns = "/campaigns"
    static let coverage = "/coverage"
    static let meetings = "/meetings"
    static let teams = "/teams"
    static let tags = "/enterprises/tags"
    static let problems = SiteURL.problems.path
    static let problemList = SiteURL.problemList.path
    static let problemImport = SiteURL.problemImport.path
    static let responsibilityList = SiteURL.responsibilityList.path
    static let closedList = SiteURL.closedList.path
    static let notifications = "/notifications"
    static let stats = SiteURL.stats.path
    static let reports = SiteURL.reports.path
    static let storedReports = SiteURL.storedReports.path
    static let campaignSummary = SiteURL.campaignSummary.path
    static let dashboard = SiteURL.dashboard.path
    static let policies = "/policies"
    static let myPolicies = "/my/policies"
    static let benefits = "/benefits"
    static let projects = "/projects"
    static let financing = "/financing"
    static let plans = "/plans"
    static let planImport = "/plans/import"

    static func policy(_ id: UUID) -> String { "\(policies)/\(id.uuidString.lowercased())" }
    static func project(_ id: UUID) -> String { "\(projects)/\(id.uuidString.lowercased())" }
    static func financingDemand(_ id: UUID) -> String { "\(financing)/\(id.uuidString.lowercased())" }
    static func plan(_ id: UUID) -> String { "\(plans)/\(id.uuidString.lowercased())" }
    static func planTask(_ id: UUID) -> String { "\(plans)/tasks/\(id.uuidString.lowercased())" }
    static func planUnit(_ id: UUID) -> String { "\(plans)/units/\(id.uuidString.lowercased())" }

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
    static func enterprise(_ id: UUID) -> String { "\(enterprises)/\(id.uuidString.lowercased())" }
    static func newVisit(for enterprise: UUID) -> String {
        "\(newVisit)?enterprise=\(enterprise.uuidString.lowercased())"
    }
    static func campaign(_ id: UUID) -> String { "\(campaigns)/\(id.uuidString.lowercased())" }
    static func meeting(_ id: UUID) -> String { "\(meetings)/\(id.uuidString.lowercased())" }
    static func team(_ id: UUID) -> String { "\(teams)/\(id.uuidString.lowercased())" }
    /// A department's work page (部门工作台), outside the admin pages.
    static func departmentWork(_ id: UUID) -> String { SiteURL.departmentWork(.value(id)).path }
    static func problem(_ id: UUID) -> String { SiteURL.problem(.value(id)).path }
    static func storedReport(_ id: UUID) -> String { SiteURL.storedReport(.value(id)).path }
    static func user(_ id: UUID) -> String { SiteURL.user(.value(id)).path }

    /// Only same-site absolute paths may be redirect targets (`/x`, never `//evil.example` or `http:`).
    static func isSafeRedirect(_ target: String) -> Bool {
        target.hasPrefix("/") && !target.hasPrefix("//") && !target.hasPrefix("/\\") && !target.contains("\r")
            && !target.contains("\n")
    }
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
