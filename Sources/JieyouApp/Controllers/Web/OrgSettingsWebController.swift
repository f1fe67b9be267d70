import Fluent
import JieyouDomain
import Vapor

/// 本单位设置: what an admin sets for their own unit — the address the daily 催办 run posts the
/// unit's overdue problems to.
struct OrgSettingsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("admin", "settings")
        settings.get(use: show)
        settings.post(use: save)
    }

    struct Form: Content {
        var overdueWebhookUrl: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let url = try await OrgSettingsService(database: req.db, now: req.now).webhook(
            of: ctx.actor.orgUnitID, by: ctx.actor)
        return try await req.page("本单位设置", form(ctx, url: url, errors: []), flash: req.flash)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await OrgSettingsService(database: req.db, now: req.now).setWebhook(
                form.overdueWebhookUrl, for: ctx.actor.orgUnitID, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "本单位设置", self.form(ctx, url: form.overdueWebhookUrl, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ ctx: AdminContext, url: String?, errors: [FieldError]) -> HTML {
        let f = FormFields(errors: errors)
        return """
            <h1>本单位设置</h1>
            <p class="lead">\(ctx.tree.pathName(of: ctx.actor.orgUnitID))</p>
            <form method="post" action="\(WebPath.orgSettings)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.text("overdueWebhookUrl", "催办推送地址（Webhook）", value: url, type: "url", hint: "每日催办时，向该地址以 POST 推送本单位超期问题的 JSON（可填政务工作群机器人或本单位系统的接收地址）；留空则只在系统内提醒。"))
            <div class="actions"><button type="submit">保存</button></div>
            </form>
            """
    }
}
