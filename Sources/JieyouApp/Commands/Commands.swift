import Vapor

/// Registers the `jieyou` subcommands (Vapor provides `serve` and `routes`).
func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    var user = AsyncCommands()
    user.use(UserCreateCommand(), as: "create")
    app.asyncCommands.use(user.group(help: "Manage user accounts"), as: "user")
    var org = AsyncCommands()
    org.use(OrgCreateCommand(), as: "create")
    app.asyncCommands.use(org.group(help: "Manage the org tree"), as: "org")
    var imports = AsyncCommands()
    imports.use(ImportEnterprisesCommand(), as: "enterprises")
    imports.use(ImportAccountsCommand(), as: "users")
    app.asyncCommands.use(imports.group(help: "Import sheets"), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    var audit = AsyncCommands()
    audit.use(AuditVerifyCommand(), as: "verify")
    app.asyncCommands.use(audit.group(help: "Check the event log"), as: "audit")
}
