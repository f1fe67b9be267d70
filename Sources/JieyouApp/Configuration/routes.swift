import Vapor

/// Mounts the controllers. Web pages use the session cookie and CSRF tokens; the API uses bearer tokens.
func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: AssetsController())

    let web = app.grouped(WebSessionMiddleware())
    try web.register(collection: LoginController())
    let pages = web.grouped(RequireSignInMiddleware(), CSRFMiddleware())
    try pages.register(collection: HomeController())
    try pages.register(collection: AccountController())
    try pages.register(collection: DirectoryController())
    try pages.register(collection: OrgUnitsWebController())
    try pages.register(collection: DepartmentsWebController())
    try pages.register(collection: UsersWebController())
    try pages.register(collection: EventsWebController())
    try pages.register(collection: CalendarWebController())
    try pages.register(collection: EnterpriseImportWebController())
    try pages.register(collection: EnterprisesWebController())
    try pages.register(collection: VisitsWebController())

    let api = app.grouped("api", "v1").grouped(BearerTokenMiddleware())
    try api.register(collection: OpenAPIController())
    try api.register(collection: AuthAPIController())
    let signedIn = api.grouped(RequireSignInMiddleware())
    try signedIn.register(collection: OrgUnitsAPIController())
    try signedIn.register(collection: DepartmentsAPIController())
    try signedIn.register(collection: UsersAPIController())
    try signedIn.register(collection: EnterprisesAPIController())
    try signedIn.register(collection: VisitsAPIController())
}
