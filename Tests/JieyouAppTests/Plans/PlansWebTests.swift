import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The plan pages as a dispatcher and a lead unit use them: paste, review and correct, save, report a
/// 旬, and see who has not reported.
@Suite struct PlansWebTests {
    /// The fields a browser would submit from the form at `action` on `html`: inputs (checkboxes only
    /// when checked), textareas and each select's chosen option.
    static func formFields(_ html: String, action: String) throws -> [(String, String)] {
        let start = try #require(html.range(of: "action=\"\(action)\""))
        let end = html[start.upperBound...].range(of: "</form>")?.lowerBound ?? html.endIndex
        let form = String(html[start.upperBound..<end])
        func attribute(_ tag: Substring, _ name: String) -> String? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[range.upperBound...]
            return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
        }
        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [(String, String)] = []
        for match in form.matches(of: /<input[^>]*>/) {
            let tag = match.output
            guard let name = attribute(tag, "name") else { continue }
            if attribute(tag, "type") == "checkbox", !tag.contains(" checked") { continue }
            fields.append((name, unescape(attribute(tag, "value") ?? "")))
        }
        for match in form.matches(of: /<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/) {
            fields.append((String(match.output.1), unescape(String(match.output.2))))
        }
        for match in form.matches(of: /<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/) {
            let options = String(match.output.2)
            let chosen =
                options.firstMatch(of: /<option value="([^"]*)" selected>/)?.output.1
                ?? options.firstMatch(of: /<option value="([^"]*)"/)?.output.1 ?? ""
            fields.append((String(match.output.1), unescape(String(chosen))))
        }
        return fields
    }

    @Test func pasteReviewCorrectSaveAndReport() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let office = try await client.webSession("lx_dispatcher")
            let pastePage = try await client.send(.GET, "/plans/import", cookie: office.cookie)
            #expect(pastePage.status == .ok && pastePage.body.string.contains("导入攻坚方案"))

            // Nothing recognisable: the box is named, nothing else happens.
            let empty = try await client.send(
                .POST, "/plans/import", form: [("_csrf", office.csrf), ("text", "会议纪要")], cookie: office.cookie)
            #expect(empty.status == .badRequest && empty.body.string.contains("id=\"text-error\""))

            let preview = try await client.send(
                .POST, "/plans/import", form: [("_csrf", office.csrf), ("text", PlansTests.seedText)],
                cookie: office.cookie)
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("识别出攻坚7个"))
            #expect(html.contains("原文未写“牵头”，按首位单位预填，请核对"))
            var fields = try Self.formFields(html, action: "/plans")
            #expect(fields.contains { $0.0 == "w0.t1.leads" && $0.1 == "区人社局" })
            // Correct one task, map 区发改局 to the park's 经济发展局, and drop the last workstream.
            fields = fields.map { key, value in
                if key == "w0.t1.leads" { return (key, "区发改局") }
                if key == "w0.t1.title" { return (key, "推动增收减负（校企合作）") }
                return (key, value)
            }
            let unitIndex = try #require(
                fields.first { $0.1 == "区发改局" && $0.0.hasSuffix(".name") && $0.0.hasPrefix("u") })
            let mapKey = unitIndex.0.replacingOccurrences(of: ".name", with: ".department")
            fields.removeAll { $0.0 == mapKey }
            fields.append((mapKey, world.linxiangEconomy.uuidString))
            fields.append(("w6.remove", "1"))

            // A task left without a lead is named next to its field, and nothing is saved.
            let broken = fields.map { key, value in key == "w0.t2.leads" ? (key, "") : (key, value) }
            let refused = try await client.send(.POST, "/plans", form: broken, cookie: office.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("第1个攻坚第3项任务（2.）请填写牵头单位"))
            #expect(
                refused.body.string.contains(
                    "name=\"w0.t2.leads\" type=\"text\" value=\"\" aria-label=\"牵头单位\" aria-invalid=\"true\""))
            #expect(try await rowCount("plans", on: app) == 0)

            let saved = try await client.send(.POST, "/plans", form: fields, cookie: office.cookie)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(800))")
            let location = try #require(saved.headers.first(name: .location))
            let planPage = try await client.send(.GET, location, cookie: office.cookie)
            #expect(planPage.body.string.contains("攻坚6个"))
            #expect(planPage.body.string.contains("推动增收减负（校企合作）"))
            let planID = try #require(location.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            let detail = try await client.send(
                .GET, "/api/v1/plans/\(planID)", token: try await client.token("lx_dispatcher"))
            let tasks = try detail.content.get([PlansAPI.TaskDTO].self, at: "tasks")
            let corrected = try #require(tasks.first { $0.title == "推动增收减负（校企合作）" })
            #expect(corrected.leadUnits.map(\.id) == [world.linxiangEconomy])

            // The lead unit reports through its form.
            let handler = try await client.webSession("lx_handler")
            let unitPage = try await client.send(
                .GET, "/plans/units/\(world.linxiangEconomy.uuidString.lowercased())", cookie: handler.cookie)
            #expect(unitPage.status == .ok && unitPage.body.string.contains("本旬未报"))
            let taskPath = "/plans/tasks/\(corrected.id.uuidString.lowercased())"
            let taskPage = try await client.send(.GET, taskPath, cookie: handler.cookie)
            #expect(taskPage.body.string.contains("报送旬调度"))
            let badReport = try await client.send(
                .POST, "\(taskPath)/progress",
                form: [("_csrf", handler.csrf), ("progress", "举办招聘会"), ("percent", "abc")],
                cookie: handler.cookie)
            #expect(badReport.status == .badRequest && badReport.body.string.contains("完成进度应为0到100之间的整数"))
            let report = try await client.send(
                .POST, "\(taskPath)/progress",
                form: [("_csrf", handler.csrf), ("progress", "举办专场招聘会2场"), ("percent", "30"), ("difficulties", "")],
                cookie: handler.cookie)
            #expect(report.status == .seeOther, "\(report.body.string.prefix(500))")

            // The office sees the 旬: reported, and who has not.
            let progress = try await client.send(
                .GET, "\(location.split(separator: "?")[0])?view=progress", cookie: office.cookie)
            let page = progress.body.string
            #expect(page.contains("已报送1项"))
            #expect(page.contains("举办专场招聘会2场"))
            #expect(page.contains("data-testid=\"units-not-reported\"") && page.contains("区人社局"))
            let bulletin = try await client.send(
                .GET, "\(location.split(separator: "?")[0])/bulletin?kind=month", cookie: office.cookie)
            #expect(bulletin.status == .ok && bulletin.body.string.contains("一、总体情况"))
            let timeline = try await client.send(
                .GET, "\(location.split(separator: "?")[0])?view=timeline", cookie: office.cookie)
            #expect(timeline.body.string.contains("data-testid=\"plan-timeline\"><svg"))
            #expect(timeline.body.string.contains("推动增收减负（校企合作）"))
            #expect(
                try await client.send(
                    .GET, "/plans/units/\(world.linxiangEconomy.uuidString.lowercased())", cookie: handler.cookie
                ).body.string.contains("牵头任务挂图作战"))
            for view in ["targets", "units", "tasks"] {
                #expect(
                    try await client.send(
                        .GET, "\(location.split(separator: "?")[0])?view=\(view)", cookie: handler.cookie
                    ).status == .ok)
            }
            // The 督办 and milestone forms name their own fields when refused.
            let noReason = try await client.send(
                .POST, "\(taskPath)/supervision", form: [("_csrf", office.csrf), ("note", " ")], cookie: office.cookie)
            #expect(noReason.status == .badRequest)
            #expect(noReason.body.string.contains("<p class=\"field-error\" id=\"s-note-error\">督办事由不能为空"))
            let badDate = try await client.send(
                .POST, "\(taskPath)/milestones", form: [("_csrf", office.csrf), ("title", "签约"), ("dueOn", "月底")],
                cookie: office.cookie)
            #expect(badDate.status == .badRequest)
            #expect(badDate.body.string.contains("id=\"m-dueOn-error\">节点日期格式应为 2025-06-30"))
            #expect(!badDate.body.string.contains("id=\"dueOn-error\""))
            // Another park's office does not see it.
            let pj = try await client.webSession("pj_admin")
            #expect(try await client.send(.GET, taskPath, cookie: pj.cookie).status == .notFound)
            let enterprise = try await client.webSession("lx_enterprise")
            #expect(try await client.send(.GET, "/plans", cookie: enterprise.cookie).status == .forbidden)
        }
    }
}
