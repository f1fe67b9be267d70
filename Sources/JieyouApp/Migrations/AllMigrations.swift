import Fluent

/// Every migration, in the order they run. Append only: a shipped migration is never edited; a change
/// is a new migration in the next numbered folder.
enum AllMigrations {
    static let list: [any Migration] = [
        CreateOrgUnits(),
        CreateDepartments(),
        CreateEnterprises(),
        CreateUsers(),
        CreateSessions(),
        CreateEvents(),
        CreateCalendarEntries(),
        CreateIndexes(),
        CreateOrgTreeVersion(),
        ExtendEnterprises(),
        CreateEnterpriseSearch(),
        CreateLiaison(),
        CreateCampaigns(),
        CreateFieldWork(),
        CreateCoverageTallies(),
        CreateEnterpriseFilterIndexes(),
        CreateProblems(),
        TakeInFindings(),
        CreateNotifications(),
        TrackProblemResponse(),
        CreateOrgSettings(),
        VersionCalendar(),
        IndexReportQueries(),
        CreateReports(),
        CreatePolicies(),
        CreateProjectApplications(),
        CountRegistryChanges(),
        CreateFinancingDemands(),
        CreatePlans(),
        CreateOutbox(),
        CreateAttachments(),
        TrackReportDelivery(),
        AddMailDelivery(),
        MoveOverdueWebhooksToChannels(),
        IndexOverdueProblems(),
        RequirePasswordChange(),
    ]
}
