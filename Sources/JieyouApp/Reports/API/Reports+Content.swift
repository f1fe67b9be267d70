import Vapor

// The reports' values go on the wire as they are: the API answers with them directly.
extension Bulletin: Content {}
extension CampaignSummary: Content {}
extension Dashboard: Content {}
extension ReportStore.Entry: Content {}
extension StoredReport: Content {}
extension ReportInbox: Content {}
