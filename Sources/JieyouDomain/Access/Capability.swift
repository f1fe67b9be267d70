/// Things a user may do, each decided by `AccessPolicy`. Later features add their own cases here so that
/// every rule stays in one place.
public enum Capability: String, Sendable, CaseIterable {
    /// Create and edit org units, departments and users (组织机构、部门、用户管理).
    case manageOrganisation
    /// Read the org tree and the departments (通讯录): every government role.
    case readDirectory
    /// Read the user accounts of an org unit.
    case readUsers
    /// Read the event log (全程回溯).
    case readAuditLog
    /// Read the enterprise registry of the subtree: lists, detail pages, liaison, visits, coverage.
    case readEnterprises
    /// Create, edit and import enterprises; set their liaison (三联) and teams; add tags.
    case manageEnterprises
    /// See contact phone numbers in full; everyone else sees 138****5678.
    case seeContactPhones
    /// Record visits (走访) and meetings (活动) with what was found there.
    case recordFieldWork
    /// Create and edit campaigns (专项行动).
    case manageCampaigns
    /// Read the 政策清单 and who qualifies (an enterprise reads only the policies that match it).
    case readPolicies
    /// Write policies and their rules, push them online (精准推送), approve 免申即享 and keep the 兑现
    /// ledger: the 政策小组, which is a dispatcher's or an admin's work.
    case managePolicies
    /// Read the 攻坚方案: their workstreams, targets, tasks and 旬调度 (every government role).
    case readPlans
    /// Import, correct and run plans: targets' actuals, milestones, 挂牌督办 (the 专班办公室's work).
    case managePlans
    /// Read the statistics of the closed loop, the bulletins and the dashboards: staff who work the
    /// ledger or oversee it. Enterprises and monitors see their own problems, not figures about everyone's.
    case readStatistics
    /// Take a 问题清单 sheet into the ledger: the 服务小组 who keep it, and admins.
    case importProblemLists
    /// Report a task's 旬调度 progress, as the task's lead unit (its handlers), or the 专班办公室 for it.
    case reportPlanProgress
}
