import JieyouDomain
import Vapor

/// 本单位设置: what an admin sets for their own unit and the units below it — the time limits of the
/// loop, sub-categories under the ten shipped problem categories, the work groups' robots, the mail
/// server notices go out through and the sections its 通报 report. Each section is its own form; a refused one comes back
/// with the typed values and the reason beside the field.
struct OrgSettingsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.orgSettings, use: show)
        routes.post(SiteURL.orgSettingsLimits, use: saveLimits)
        routes.post(SiteURL.orgSettingsCategories, use: addCategory)
        routes.post(SiteURL.orgSettingsCategory(.key), use: updateCategory)
        routes.post(SiteURL.orgSettingsCategoryDelete(.key), use: deleteCategory)
        routes.post(SiteURL.orgSettingsChannels, use: addChannel)
        routes.post(SiteURL.orgSettingsChannelToggle(.key), use: toggleChannel)
        routes.post(SiteURL.orgSettingsChannelDelete(.key), use: deleteChannel)
        routes.post(SiteURL.orgSettingsMail, use: saveMail)
        routes.post(SiteURL.orgSettingsMailTest, use: testMail)
        routes.post(SiteURL.orgSettingsMailDelete, use: deleteMail)
        routes.post(SiteURL.orgSettingsBulletin, use: saveBulletin)
    }

    /// Which form was refused, with what the admin typed and why.
    enum Refused {
        case limits([String: String], [FieldError])
        case newCategory(CategoryForm, [FieldError])
        case category(String, CategoryForm, [FieldError])
        case channel(ChannelSettingsView.Typed)
        case mail(MailDesk.ServerDraft?, [FieldError])
        case bulletin([FieldError])

        var errors: [FieldError] {
            switch self {
            case .limits(_, let e), .newCategory(_, let e), .category(_, _, let e), .bulletin(let e): e
            case .channel(let typed): typed.errors
            case .mail(_, let e): e
            }
        }
    }

    struct CategoryForm: Content {
        var parentCode: String?
        var name: String?
        var resolveDays: String?
    }

    struct BulletinForm: Content {
        var sections: [String]?
        /// 沿用上级单位的设置.
        var follow: String?
    }

    @Sendable func saveBulletin(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(BulletinForm.self)
        do {
            try await BulletinSettings(database: req.db, now: req.now).set(
                form.sections ?? [], following: form.follow == "true", for: ctx.actor.orgUnitID, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#bulletin")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .bulletin(error.fieldErrors), status: error.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, refused: nil)
    }

    @Sendable func saveLimits(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let typed = try req.content.decode([String: String].self).filter { Self.limitFields.contains($0.key) }
        do {
            let overrides = try ProblemTimeLimits.Overrides.parse(typed).get()
            _ = try await req.problemSettingsService.setLimits(
                overrides, for: ctx.actor.orgUnitID, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#limits")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .limits(typed, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func addCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(CategoryForm.self)
        do {
            _ = try await req.problemSettingsService.addSubCategory(
                parentCode: form.parentCode, name: form.name, resolveDays: form.resolveDays, in: ctx.actor.orgUnitID,
                by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=created#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .newCategory(form, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func updateCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let code = req.parameters.get("code") ?? ""
        let form = try req.content.decode(CategoryForm.self)
        do {
            _ = try await req.problemSettingsService.updateSubCategory(
                code, name: form.name ?? "", resolveDays: form.resolveDays, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .category(code, form, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func deleteCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let code = req.parameters.get("code") ?? ""
        do {
            try await req.problemSettingsService.deleteSubCategory(code, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=deleted#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(
                req, refused: .category(code, CategoryForm(), error.fieldErrors), status: error.status)
        }
    }

    struct ChannelForm: Content {
        var kind: String?
        var name: String?
        var departmentId: String?
        var webhookUrl: String?
        var secret: String?
    }

    @Sendable func addChannel(req: Request) async throws -> Response {
        let form = try req.content.decode(ChannelForm.self)
        do {
            _ = try await req.channelDesk().add(
                ChannelDesk.Draft(
                    kind: form.kind, name: form.name, departmentID: formUUID(form.departmentId),
                    webhookURL: form.webhookUrl, secret: form.secret))
            return req.redirect(to: WebPath.orgSettings + "?done=created#channels")
        } catch {
            let error = try AppError.forForm(error)
            let typed = ChannelSettingsView.Typed(
                kind: form.kind, name: form.name, departmentId: form.departmentId, webhookUrl: form.webhookUrl,
                errors: error.fieldErrors)
            return try await render(req, refused: .channel(typed), status: error.status)
        }
    }

    @Sendable func toggleChannel(req: Request) async throws -> Response {
        try await req.channelDesk().toggle(try req.idParameter("机器人"))
        return req.redirect(to: WebPath.orgSettings + "?done=saved#channels")
    }

    @Sendable func deleteChannel(req: Request) async throws -> Response {
        try await req.channelDesk().delete(try req.idParameter("机器人"))
        return req.redirect(to: WebPath.orgSettings + "?done=deleted#channels")
    }

    struct MailForm: Content {
        var host: String?
        var port: String?
        var security: String?
        var username: String?
        var password: String?
        var senderAddress: String?
        var senderName: String?
        var active: String?
    }

    @Sendable func saveMail(req: Request) async throws -> Response {
        let form = try req.content.decode(MailForm.self)
        let draft = MailDesk.ServerDraft(
            host: form.host, port: form.port, security: form.security, username: form.username,
            password: form.password, senderAddress: form.senderAddress, senderName: form.senderName,
            active: form.active == "true")
        do {
            try await req.mailDesk().saveServer(draft)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#mail")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .mail(draft, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func testMail(req: Request) async throws -> Response {
        do {
            _ = try await req.mailDesk().sendTest()
            return req.redirect(to: WebPath.orgSettings + "?done=mailSent#mail")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .mail(nil, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func deleteMail(req: Request) async throws -> Response {
        try await req.mailDesk().deleteServer()
        return req.redirect(to: WebPath.orgSettings + "?done=deleted#mail")
    }

    // MARK: - The page

    static let limitFields = Set(
        ProblemTimeLimits.Overrides.fields.map(\.field) + ProblemCategory.shipped.map { "resolveDays." + $0.code }
            + ProblemKind.requesterKinds.map { "kindResolveDays." + $0.rawValue })

    private func render(_ req: Request, refused: Refused?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let unit = ctx.actor.orgUnitID
        let limits = try await req.problemSettingsService.limits(of: unit, by: ctx.actor)
        let subCategories = try await req.problemSettingsService.subCategories(around: unit, by: ctx.actor)
        let desk = try req.channelDesk()
        var typed = ChannelSettingsView.Typed()
        if case .channel(let refusedChannel) = refused { typed = refusedChannel }
        let channels = ChannelSettingsView(
            channels: try await desk.channels(), troubles: try await desk.troubles(),
            departments: try await ctx.desk.ownDepartmentChoices(), typed: typed, csrf: FormFields.csrf(ctx.signedIn))
        let (own, inheritedFrom) = try await req.mailDesk().server()
        var mail = MailServerSettingsView(own: own, inheritedFrom: inheritedFrom, csrf: FormFields.csrf(ctx.signedIn))
        if case .mail(let typed, let errors) = refused { (mail.typed, mail.errors) = (typed, errors) }
        let bulletin = try await BulletinSettings(database: req.db, now: req.now).choice(of: unit, by: ctx.actor)
        let view = OrgSettingsView(
            unit: unit, tree: ctx.tree, limits: limits, subCategories: subCategories, bulletin: bulletin,
            refused: refused, channels: channels, mail: mail, csrf: FormFields.csrf(ctx.signedIn))
        return try await req.page("本单位设置", view.html, flash: req.flash, status: status)
    }
}
