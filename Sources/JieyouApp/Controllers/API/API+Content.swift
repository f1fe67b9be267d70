import Vapor

// Values the services return that the API answers with as they are.
extension CoverageReport: Content {}
extension EnterpriseImportReport: Content {}
extension NotificationItem: Content {}
