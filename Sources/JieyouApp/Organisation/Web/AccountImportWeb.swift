import Foundation
import JieyouDomain
import Vapor

/// 批量开通账号 on the web: the upload form, the result (each new account with its one-time password,
/// shown this once for the admin to hand over), and the template.
struct AccountImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.userImport, use: form)
        routes.on(.POST, SiteURL.userImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
        routes.get(SiteURL.userTemplate, use: template)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        return try await req.page("批量开通账号", page(ctx, errors: [], count: 0))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        return try await req.sheetImport(
            "批量开通账号", done: "账号已开通", form: { page(ctx, errors: $0, count: $1) }
        ) { upload in
            let target = formUUID(try? req.content.get(String.self, at: "orgUnit")) ?? ctx.actor.orgUnitID
            let report = try await AccountImport(
                database: req.db, now: req.now, actor: ctx.actor, threadPool: req.application.threadPool
            ).run(file: upload.url, into: target)
            return AccountImportResultView(report: report).html
        }
    }

    @Sendable func template(req: Request) async throws -> Response {
        _ = try await AdminContext.load(req)
        return try await OfficeDownload.stream(try await AccountTemplate.write(), req)
    }

    private func page(_ ctx: AdminContext, errors: [String], count: Int) -> HTML {
        SheetUploadForm(
            title: "批量开通账号", action: SiteURL.userImport.path, fileLabel: "人员名单文件",
            hint: """
                Excel（.xlsx）或 CSV 文件，第一行为表头：姓名、手机号、角色必填，用户名不填时以手机号为用户名。\
                每个新账号生成一次性初始密码，首次登录须修改。<a href="\(SiteURL.userTemplate.path)">下载导入模板</a>
                """,
            unitLabel: "开通到", unitOptions: ctx.unitOptions(), ownUnit: ctx.actor.orgUnitID, errors: errors,
            count: count, nothing: "未开通任何账号", csrf: FormFields.csrf(ctx.signedIn)
        ).html
    }
}

/// The accounts just opened, with their one-time passwords: printed or copied once, never shown again.
struct AccountImportResultView {
    let report: AccountImportReport

    var html: HTML {
        let rows = report.accounts.map { account -> HTML in
            """
            <tr><td>\(account.row)</td><td>\(account.displayName)</td><td>\(account.username)</td>\
            <td>\(account.unit)</td><td>\(account.roles.joined(separator: "、"))</td>\
            <td><code>\(account.password)</code></td></tr>
            """
        }
        return """
            <h1>账号已开通</h1>
            <div class="cards" data-testid="import-result"><div class="stat"><b>\(report.created)</b><span>新开通账号</span></div></div>
            <p class="caution">初始密码只显示这一次，系统不保存明文：请打印本页或抄送给本人。每人首次登录须修改密码。</p>
            <div class="table-wrap"><table data-testid="accounts">
            <thead><tr><th>行</th><th>姓名</th><th>用户名</th><th>所属单位</th><th>角色</th><th>初始密码</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table></div>
            <div class="actions"><a class="button" href="\(WebPath.users)">查看用户</a><a class="button secondary" href="\(SiteURL.userImport.path)">继续导入</a></div>
            """
    }
}
