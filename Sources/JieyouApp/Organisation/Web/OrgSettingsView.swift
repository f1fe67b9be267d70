import Foundation
import JieyouDomain

/// 本单位设置: the 催办 webhook, the loop's time limits, the sub-categories and the group robots of the
/// unit, each its own
/// form; a refused one comes back with what was typed and the reason beside the field.
struct OrgSettingsView {
    let unit: UUID
    let tree: OrgTree
    let limits: ProblemSettingsService.Limits
    let subCategories: [ProblemCategory]
    let bulletin: BulletinSettings.Choice
    let refused: OrgSettingsWeb.Refused?
    let channels: ChannelSettingsView
    let mail: MailServerSettingsView
    let csrf: HTML

    var html: HTML {
        """
        <h1>本单位设置</h1>
        <p class="lead">\(tree.pathName(of: unit))</p>
        \(limitsSection(limits, refused: refused))
        \(categoriesSection(subCategories, limits: limits.inForce, refused: refused))
        \(bulletinSection)
        \(channels.html)
        \(mail.html)
        """
    }

    /// 通报内容: the sections ticked are reported after 总体情况, in this order; problem handling always is.
    private var bulletinSection: HTML {
        var errors: [FieldError] = []
        if case .bulletin(let e) = refused { errors = e }
        let f = FormFields(errors: errors)
        let options = BulletinSection.allCases.map { (value: $0.rawValue, label: $0.chineseName) }
        let note: HTML =
            bulletin.own == nil
            ? "<p class=\"hint\" data-testid=\"bulletin-inherited\">本单位未单独设置，沿用上级单位（或默认的全部内容）。</p>" : .empty
        return """
            <section class="card" id="bulletin"><h2>通报内容</h2>
            <p class="hint">周调度、旬通报、月通报和季讲评在“总体情况”之后报告所勾选的工作，每项与上期比较；问题办理情况始终报告。本单位的设置同样适用于下级单位，除非下级另行设置。</p>
            \(note)
            <form method="post" action="\(SiteURL.orgSettingsBulletin.path)" data-testid="bulletin-sections-form">\(csrf)
            \(f.checkboxes("sections", "报告的工作", options: options, selected: Set(bulletin.inForce.map(\.rawValue))))
            \(bulletin.own == nil ? HTML.empty : f.checkbox("follow", "改为沿用上级单位的设置", checked: false))
            <button type="submit">保存</button></form></section>
            """
    }

    private func limitsSection(_ limits: ProblemSettingsService.Limits, refused: OrgSettingsWeb.Refused?)
        -> HTML
    {
        var typed: [String: String]?
        var errors: [FieldError] = []
        if case .limits(let values, let e) = refused { (typed, errors) = (values, e) }
        let f = FormFields(errors: errors)
        let own = limits.own
        let inherited = limits.inherited
        let owned: [String: Int?] = [
            "acceptDays": own.acceptDays, "signDays": own.signDays, "revisitDays": own.revisitDays,
            "addedDepartmentDays": own.addedDepartmentDays,
        ]
        let above: [String: Int] = [
            "acceptDays": inherited.acceptDays, "signDays": inherited.signDays, "revisitDays": inherited.revisitDays,
            "addedDepartmentDays": inherited.addedDepartmentDays,
        ]
        func field(_ name: String, _ label: String, own: Int?, above: Int) -> HTML {
            f.text(
                name, label + "（工作日）", value: typed.map { $0[name] ?? "" } ?? own.map { "\($0)" }, type: "number",
                placeholder: "沿用上级：\(above)", extra: " min=\"1\" max=\"60\" inputmode=\"numeric\"")
        }
        let scalars = ProblemTimeLimits.Overrides.fields.map {
            field($0.field, $0.label, own: owned[$0.field] ?? nil, above: above[$0.field] ?? 0)
        }
        let resolve = ProblemCategory.shipped.map {
            field(
                "resolveDays." + $0.code, "“\($0.name)”办理时限", own: own.resolveDays[$0.code],
                above: inherited.resolveDays(for: $0.code))
        }
        let kinds = ProblemKind.requesterKinds.map {
            field(
                "kindResolveDays." + $0.rawValue, "“\($0.chineseName)”办理时限", own: own.kindResolveDays[$0.rawValue],
                above: inherited.kindResolveDays[$0.rawValue] ?? inherited.defaultResolveDays)
        }
        return """
            <section class="card" id="limits"><h2>办理时限</h2>
            <p class="hint">按工作日计（节假日不计，调休上班日计入）。留空即沿用上级单位的设置（未设置时：受理、签收各1个工作日，困难求助、政务服务办理5个工作日、其余10个工作日，回访3个工作日）。本单位的设置同样适用于下级单位，除非下级另行设置。修改只影响此后受理、交办、办结的问题。</p>
            <form method="post" action="\(SiteURL.orgSettingsLimits.path)">
            \(csrf)\(f.summary)
            <div class="field-grid">\(scalars)</div>
            <h3>各类问题的办理时限</h3>
            <div class="field-grid">\(resolve)</div>
            <h3>投诉、诉求、咨询的办理时限</h3>
            <p class="hint">诉求人反映的事项按类型计时，不论问题类别（未设置时：投诉10个、诉求5个、咨询2个工作日）。</p>
            <div class="field-grid">\(kinds)</div>
            <div class="actions"><button type="submit">保存时限</button></div>
            </form></section>
            """
    }

    private func categoriesSection(
        _ subCategories: [ProblemCategory], limits: ProblemTimeLimits, refused: OrgSettingsWeb.Refused?
    ) -> HTML {
        let names = ProblemCategoryStore.displayNames(subCategories)
        let rows = subCategories.map { category -> HTML in
            let parent = ProblemCategory.shipped.first { $0.code == category.parentCode }?.name ?? ""
            let owner = category.orgUnitID.flatMap { tree[$0]?.name } ?? ""
            guard category.orgUnitID == unit else {
                return """
                    <tr><td>\(parent)</td><td>\(category.name)</td><td>\(category.resolveDays)</td><td>\(owner)设置</td></tr>
                    """
            }
            var typed = OrgSettingsWeb.CategoryForm(name: category.name, resolveDays: "\(category.resolveDays)")
            var errors: [FieldError] = []
            if case .category(let code, let form, let e) = refused, code == category.code {
                errors = e
                if form.name != nil { typed = form }
            }
            let id = "c-" + category.code.replacingOccurrences(of: ".", with: "-")
            return """
                <tr id="\(id)" data-testid="sub-category"><td>\(parent)</td>
                <td><form method="post" action="\(SiteURL.orgSettingsCategory(.value(category.code)).path)" class="inline" id="\(id)-form">\(csrf)
                <label class="visually-hidden" for="\(id)-name">名称</label><input id="\(id)-name" name="name" value="\(typed.name ?? "")" maxlength="\(ProblemCategory.maxNameLength)" required\(errors.contains { $0.field == "name" } ? HTML(" aria-invalid=\"true\"") : .empty)></form></td>
                <td><label class="visually-hidden" for="\(id)-days">办理时限</label><input id="\(id)-days" form="\(id)-form" name="resolveDays" type="number" min="1" max="60" value="\(typed.resolveDays ?? "")"\(errors.contains { $0.field == "resolveDays" } ? HTML(" aria-invalid=\"true\"") : .empty)></td>
                <td><button type="submit" form="\(id)-form">保存</button>
                <form method="post" action="\(SiteURL.orgSettingsCategoryDelete(.value(category.code)).path)" class="inline">\(csrf)<button type="submit" class="secondary" aria-label="删除\(names[category.code] ?? category.name)">删除</button></form>
                \(errors.isEmpty ? HTML.empty : HTML("<p class=\"field-error\" role=\"alert\">\(errors.map(\.message).joined(separator: "；"))</p>"))</td></tr>
                """
        }
        var form = OrgSettingsWeb.CategoryForm()
        var errors: [FieldError] = []
        if case .newCategory(let typed, let e) = refused { (form, errors) = (typed, e) }
        let f = FormFields(errors: errors)
        let parents = ProblemCategory.shipped.map { ($0.code, "\($0.name)（\(limits.resolveDays(for: $0.code))个工作日）") }
        let table: HTML =
            subCategories.isEmpty
            ? "<p class=\"muted\">尚未设置子类。</p>"
            : """
            <div class="table-wrap"><table><thead><tr><th>所属类别</th><th>子类名称</th><th>办理时限（工作日）</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return """
            <section class="card" id="categories"><h2>问题子类</h2>
            <p class="hint">在十类问题类别下细分子类，供本单位及下级单位登记、受理问题时选用；统计时子类计入所属类别。已有问题的子类不能删除，可以改名。</p>
            \(table)
            <h3>新增子类</h3>
            <form method="post" action="\(SiteURL.orgSettingsCategories.path)">
            \(csrf)\(f.summary)
            <div class="field-grid">
            \(f.select("parentCode", "所属类别", options: parents, selected: form.parentCode, required: true))
            \(f.text("name", "子类名称", value: form.name, required: true, hint: "不超过\(ProblemCategory.maxNameLength)字，如“用电报装”"))
            \(f.text("resolveDays", "办理时限（工作日）", value: form.resolveDays, type: "number", hint: "留空则与所属类别相同", extra: " min=\"1\" max=\"60\" inputmode=\"numeric\""))
            </div>
            <div class="actions"><button type="submit">新增子类</button></div>
            </form></section>
            """
    }
}
