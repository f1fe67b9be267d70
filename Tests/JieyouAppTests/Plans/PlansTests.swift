import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 攻坚方案 through the API: seed 001 pasted, previewed, one task corrected, saved; a lead unit reports
/// its 旬调度; the 专班办公室 sees who has not reported; every role reaches only what it owns.
@Suite struct PlansTests {
    static let seedText = SharedFiles.text("seeds/001_d60dd8ae0f53930d.txt")

    /// Parses the seed as `token`, returns the preview as JSON.
    func preview(_ client: Client, _ token: String) async throws -> [String: Any] {
        let response = try await client.send(.POST, "/api/v1/plans/parse", token: token, json: ["text": Self.seedText])
        #expect(response.status == .ok, "\(response.body.string.prefix(300))")
        return try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    /// Imports seed 001 into 临湘高新区 with 区发改局 taken as its 经济发展局; returns the plan's id.
    /// The corrected task's due day: the end of next year, so that the task is never behind on the day
    /// the suite runs (a fixed 2026-12-31 with a milestone on 2026-12-15 made December's 通报 count it
    /// behind once the month's end passed the milestone).
    static var correctedDueOn: String { "\(LocalDate(Date(), in: .chinaStandard).year + 1)-12-31" }

    func importSeed(_ client: Client, _ world: World, _ token: String) async throws -> String {
        var preview = try await preview(client, token)
        var draft = try #require(preview["draft"] as? [String: Any])
        var streams = try #require(draft["workstreams"] as? [[String: Any]])
        var tasks = try #require(streams[0]["tasks"] as? [[String: Any]])
        // The dispatcher corrects one task: 推动增收减负 is led by 区发改局 with a date.
        tasks[1]["leadUnits"] = ["区发改局"]
        tasks[1]["dueOn"] = Self.correctedDueOn
        streams[0]["tasks"] = tasks
        // …and enters where retail sales grew last year (基数).
        var targets = try #require(streams[0]["targets"] as? [[String: Any]])
        targets[0]["baseline"] = "5.20"
        streams[0]["targets"] = targets
        draft["workstreams"] = streams
        preview["draft"] = draft
        let saved = try await client.send(
            .POST, "/api/v1/plans", token: token,
            json: ["draft": draft, "unitMapping": ["区发改局": world.linxiangEconomy.uuidString]])
        #expect(saved.status == .created, "\(saved.body.string.prefix(500))")
        return try saved.content.get(String.self, at: "id")
    }

    @Test func seedOneIsImportedCorrectedAndSaved() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let preview = try await preview(client, dispatcher)
            #expect(preview["workstreamCount"] as? Int == 7)
            let units = try #require(preview["units"] as? [[String: Any]])
            #expect(units.allSatisfy { $0["match"] as? String == "new" }, "the park has none of the plan's units yet")
            let departmentsBefore = try await rowCount("departments", on: app)

            let id = try await importSeed(client, world, dispatcher)
            // Every unit but the mapped one is created, once.
            #expect(try await rowCount("departments", on: app) == departmentsBefore + units.count - 1)
            let detail = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher)
            #expect(detail.status == .ok)
            #expect(try detail.content.get(String.self, at: "plan", "title") == "西洞庭管理区实施“七大攻坚”总体方案")
            #expect(try detail.content.get(Int.self, at: "plan", "year") == 2025)
            let streams = try detail.content.get([PlansAPI.WorkstreamDTO].self, at: "workstreams")
            #expect(streams.map(\.name).first == "内需扩量提效攻坚" && streams.count == 7)
            #expect(streams[0].office?.name == "经济发展局", "区发改局 was mapped to the park's 经济发展局")
            #expect(streams[5].office?.name == "区应急局（水利局）")
            let tasks = try detail.content.get([PlansAPI.TaskDTO].self, at: "tasks")
            #expect(tasks.count == PlanTextParser.parse(Self.seedText).taskCount)
            let corrected = try #require(tasks.first { $0.title == "推动增收减负" })
            #expect(corrected.leadUnits.map(\.name) == ["经济发展局"] && corrected.dueOn == Self.correctedDueOn)
            #expect(corrected.coUnits.map(\.name) == ["区科工局", "祝丰镇"])
            let heading = try #require(tasks.first)
            #expect(heading.isHeading && heading.number == "（一）")
            #expect(tasks[1].parentId == heading.id)
            let targets = try detail.content.get([PlansAPI.TargetDTO].self, at: "targets")
            #expect(targets.first?.requirement == "≥ 6 %" && targets.first?.status == "待报送")
            #expect(targets.first?.baseline == "5.2")
            #expect(try await rowCount("plans", on: app) == 1)

            // The 三张清单 as one workbook.
            let file = try await client.send(.GET, "/api/v1/plans/\(id)/lists.xlsx", token: dispatcher)
            #expect(file.status == .ok)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(buffer: file.body).write(to: url)
            let reader = try XlsxReader(url: url)
            #expect(reader.sheetNames == ["目标清单", "任务清单", "责任清单"])
            var sheets: [[Int: [XlsxValue]]] = [[:], [:], [:]]
            for index in 0..<3 { try reader.forEachRow(inSheet: index) { sheets[index][$0] = $1 } }
            #expect(sheets[0][2] == PlanSheets.targetHeader.map { .text($0) })
            #expect(sheets[0][3]?[2] == .text("社会消费品零售总额增长") && sheets[0][3]?[3] == .text("≥ 6 %"))
            #expect(sheets[0].count == 2 + targets.count)
            #expect(sheets[1][4]?[4] == .text("经济发展局") && sheets[1][4]?[5] == .text("区科工局、祝丰镇"))
            #expect(sheets[2][3]?[1] == .text("经济发展局") && sheets[2][3]?[2] == .text("牵头"))

            // The unit's filter gives what 经济发展局 leads or supports.
            let mine = try await client.send(
                .GET, "/api/v1/plans/\(id)/tasks?department=\(world.linxiangEconomy.uuidString)", token: dispatcher)
            #expect(mine.status == .ok, "\(mine.body.string.prefix(300))")
            let mineTasks = try JSONDecoder().decode([PlansAPI.TaskDTO].self, from: Data(buffer: mine.body))
            #expect(
                !mineTasks.isEmpty
                    && mineTasks.allSatisfy { t in
                        (t.leadUnits + t.coUnits).contains { $0.id == world.linxiangEconomy }
                    })
        }
    }

    @Test func aLeadUnitReportsItsTenDayProgressAndTheOfficeSeesWhoHasNot() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await importSeed(client, world, dispatcher)
            let tasks = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher).content
                .get([PlansAPI.TaskDTO].self, at: "tasks")
            let ours = tasks.filter { t in !t.isHeading && t.leadUnits.contains { $0.id == world.linxiangEconomy } }
            let task = try #require(ours.first { $0.title == "推动增收减负" })
            let notOurs = try #require(
                tasks.first { t in !t.isHeading && !t.leadUnits.contains { $0.id == world.linxiangEconomy } })

            let before = try await client.send(.GET, "/api/v1/plans/\(id)/progress", token: dispatcher)
            let owed = try before.content.get(Int.self, at: "owed")
            #expect(try before.content.get(Int.self, at: "reported") == 0 && owed > 80)

            let handler = try await client.token("lx_handler")
            let bad = try await client.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", token: handler, json: ["progress": " ", "percent": 150])
            #expect(bad.status == .badRequest && bad.apiError?.field == "progress")
            #expect(try await rowCount("plan_progress", on: app) == 0)
            let report = try await client.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", token: handler,
                json: ["progress": "联合常德技师学院举办专场招聘会2场，达成意向320人", "percent": "40", "difficulties": "园区企业用工需求统计不全"])
            #expect(report.status == .created, "\(report.body.string)")
            // Reporting again in the same 旬 replaces the report.
            let again = try await client.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", token: handler,
                json: ["progress": "专场招聘会3场，达成意向410人", "percent": 45])
            #expect(again.status == .created)
            #expect(try await rowCount("plan_progress", on: app) == 1)
            // Not its task, not its role.
            let other = try await client.send(
                .POST, "/api/v1/tasks/\(notOurs.id)/progress", token: handler, json: ["progress": "x", "percent": 10])
            #expect(other.status == .forbidden)
            let cadre = try await client.token("lx_cadre")
            #expect(
                try await client.send(
                    .POST, "/api/v1/tasks/\(task.id)/progress", token: cadre, json: ["progress": "x", "percent": 10]
                ).status == .forbidden)

            let after = try await client.send(.GET, "/api/v1/plans/\(id)/progress", token: dispatcher)
            #expect(try after.content.get(Int.self, at: "reported") == 1)
            let lines = try after.content.get([PlansAPI.ProgressLineDTO].self, at: "lines")
            let line = try #require(lines.first { $0.taskId == task.id })
            #expect(line.reported && line.percent == 45 && line.progress == "专场招聘会3场，达成意向410人")
            let missing = try after.content.get([PlansAPI.UnitNotReportedDTO].self, at: "unitsNotReported")
            #expect(missing.first { $0.id == world.linxiangEconomy }?.missing == ours.count - 1)
            #expect(missing.contains { $0.name == "区人社局" })
            let shown = try await client.send(.GET, "/api/v1/plans/\(id)", token: handler).content
                .get([PlansAPI.TaskDTO].self, at: "tasks")
            #expect(shown.first { $0.id == task.id }?.percent == 45)

            // The office marks a task 挂牌督办; a handler cannot.
            #expect(
                try await client.send(
                    .POST, "/api/v1/tasks/\(notOurs.id)/supervision", token: handler, json: ["note": "x"]
                )
                .status == .forbidden)
            let supervised = try await client.send(
                .POST, "/api/v1/tasks/\(notOurs.id)/supervision", token: dispatcher, json: ["note": "进度滞后，挂牌督办"])
            #expect(supervised.status == .noContent)
            let milestone = try await client.send(
                .POST, "/api/v1/tasks/\(task.id)/milestones", token: dispatcher,
                json: ["title": "签订校企合作协议", "dueOn": "\(LocalDate(Date(), in: .chinaStandard).year + 1)-06-30"])
            #expect(milestone.status == .created, "\(milestone.body.string)")
            // The month's 通报: this report, the supervised task, the tasks past their 年内 (2025) deadline.
            let today = LocalDate(Date(), in: .chinaStandard)
            let bulletin = try await client.send(
                .GET, "/api/v1/plans/\(id)/bulletin?kind=month&date=\(today.iso)", token: handler)
            #expect(bulletin.status == .ok, "\(bulletin.body.string.prefix(300))")
            #expect(try bulletin.content.get(Int.self, at: "reported") == 1)
            #expect(try bulletin.content.get(String.self, at: "summary").contains("实际报送1项次"))
            #expect(try bulletin.content.get(Int.self, at: "tasks", "inProgress") == 1)
            let behind = try bulletin.content.get([[String]].self, at: "behind")
            #expect(behind.contains { $0[1] == "（1）食品加工产业" && $0[3] == "2025-12-31" })
            #expect(
                try bulletin.content.get([[String]].self, at: "supervised").map { $0[1] } == [
                    "\(notOurs.number)\(notOurs.title)"
                ])
            let docx = try await client.send(
                .GET, "/api/v1/plans/\(id)/bulletin.docx?kind=quarter&masthead=true", token: handler)
            #expect(docx.status == .ok && docx.body.readableBytes > 2_000)
            let badKind = try await client.send(.GET, "/api/v1/plans/\(id)/bulletin?kind=year", token: handler)
            #expect(badKind.status == .badRequest && badKind.apiError?.field == "kind")

            let badMilestone = try await client.send(
                .POST, "/api/v1/tasks/\(task.id)/milestones", token: dispatcher, json: ["title": "x", "dueOn": "12月"])
            #expect(badMilestone.status == .badRequest && badMilestone.apiError?.field == "dueOn")
        }
    }

    @Test func aDraftWithoutALeadIsNamedAndNothingIsSaved() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let preview = try await preview(client, dispatcher)
            var draft = try #require(preview["draft"] as? [String: Any])
            var streams = try #require(draft["workstreams"] as? [[String: Any]])
            var tasks = try #require(streams[0]["tasks"] as? [[String: Any]])
            tasks[1]["leadUnits"] = [String]()
            tasks[2]["dueOn"] = "明年"
            streams[0]["tasks"] = tasks
            draft["workstreams"] = streams
            let departments = try await rowCount("departments", on: app)
            let refused = try await client.send(.POST, "/api/v1/plans", token: dispatcher, json: ["draft": draft])
            #expect(refused.status == .badRequest)
            #expect(refused.apiError?.field == "workstreams[0].tasks[1].leadUnits")
            #expect(refused.apiError?.message.contains("请填写牵头单位") == true)
            #expect(try await rowCount("plans", on: app) == 0)
            #expect(try await rowCount("departments", on: app) == departments)
            let garbage = try await client.send(.POST, "/api/v1/plans", token: dispatcher, rawBody: "{\"draft\": 5}")
            #expect(garbage.status == .badRequest && garbage.apiError?.field == "draft")
            // Who may not save a plan hears that, whatever the body (fuzzing found a 400 about the draft).
            for user in ["lx_enterprise", "lx_handler"] {
                let stranger = try await client.send(
                    .POST, "/api/v1/plans", token: try await client.token(user), rawBody: "{\"draft\": {}}")
                #expect(stranger.status == .forbidden, "\(user)")
            }
            let nothing = try await client.send(.POST, "/api/v1/plans/parse", token: dispatcher, json: ["text": "会议纪要"])
            #expect(nothing.status == .badRequest && nothing.apiError?.field == "text")
        }
    }

    @Test func eachRoleReachesOnlyWhatItOwns() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await importSeed(client, world, dispatcher)
            let tasks = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher).content
                .get([PlansAPI.TaskDTO].self, at: "tasks")
            let task = try #require(tasks.first { !$0.isHeading })
            let targets = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher).content
                .get([PlansAPI.TargetDTO].self, at: "targets")

            // Government staff of the park and of the city above read it.
            for user in ["lx_leader", "lx_cadre", "lx_handler", "yy_upper"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/plans/\(id)", token: token).status == .ok, "\(user)")
                #expect(try await client.send(.GET, "/api/v1/plans", token: token).list(key: "id") == [id], "\(user)")
            }
            // Another park neither reads nor changes it; enterprises and monitors read no plan.
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/plans/\(id)", token: pj).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/plans", token: pj).list(key: "id").isEmpty)
            #expect(
                try await client.send(
                    .POST, "/api/v1/tasks/\(task.id)/progress", token: pj, json: ["progress": "x", "percent": 5]
                )
                .status == .notFound)
            #expect(
                try await client.send(
                    .POST, "/api/v1/targets/\(targets[0].id)/actuals", token: pj,
                    json: ["month": "2026-10", "value": 7]
                )
                .status == .notFound)
            for user in ["lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/plans", token: token).status == .forbidden, "\(user)")
                #expect(
                    try await client.send(.GET, "/api/v1/plans/\(id)", token: token).status == .forbidden, "\(user)")
            }
            // Only the park's own office imports and runs it: the city reads, but does not write.
            let upper = try await client.token("yy_upper")
            #expect(
                try await client.send(.POST, "/api/v1/plans/parse", token: upper, json: ["text": Self.seedText]).status
                    == .forbidden)
            let cityAdmin = try await client.token("yy_admin")
            #expect(
                try await client.send(
                    .POST, "/api/v1/tasks/\(task.id)/supervision", token: cityAdmin, json: ["note": "督办"]
                )
                .status == .forbidden)
            let leader = try await client.token("lx_leader")
            #expect(
                try await client.send(
                    .POST, "/api/v1/targets/\(targets[0].id)/actuals", token: leader,
                    json: ["month": "2026-10", "value": 7]
                )
                .status == .forbidden)

            // The office enters actuals; a future month or a word is refused by name.
            let actual = try await client.send(
                .POST, "/api/v1/targets/\(targets[0].id)/actuals", token: dispatcher,
                json: ["month": "2026-10", "value": "6.4"])
            #expect(actual.status == .noContent, "\(actual.body.string)")
            let future = try await client.send(
                .POST, "/api/v1/targets/\(targets[0].id)/actuals", token: dispatcher,
                json: ["month": "2099-01", "value": "abc"])
            #expect(future.status == .badRequest && future.apiError?.field == "month")
            let shown = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher).content
                .get([PlansAPI.TargetDTO].self, at: "targets")
            #expect(shown[0].actual == "6.4" && shown[0].status == "已达成")
        }
    }
}

/// 旬调度 reminders reach the lead units that still owe reports, and nobody else.
@Suite struct PlanRemindersTests {
    @Test func theLeadUnitsThatOweReportsAreRemindedOnce() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await HandOffNoticesTests.addStaff(app, world)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await PlansTests().importSeed(client, world, dispatcher)
            // This 旬: a report on it is always accepted (the 旬 before only until its due day).
            let period = TenDayPeriod(containing: LocalDate(Date(), in: .chinaStandard))
            let told = try await PlanReminders.run(period: period, now: Date(), on: app.db)
            #expect(told >= 1)
            func reminders(_ user: String) async throws -> [NotificationItem] {
                let list = try await client.send(.GET, "/api/v1/notifications", token: try await client.token(user))
                return try list.content.get([NotificationItem].self, at: "items").filter { $0.kind == "planProgress" }
            }
            // 经发局 (mapped from 区发改局) leads a task of the plan: its handler is told, with the link to its tasks.
            let ours = try await reminders("lx_handler")
            #expect(ours.count == 1)
            #expect(ours.first?.message.contains("经济发展局牵头的") == true)
            #expect(ours.first?.message.contains("项任务尚未报送\(period.chineseName)进展") == true)
            #expect(ours.first?.link == WebPath.planUnit(world.linxiangEconomy))
            // Another department of the park and another park hear nothing.
            #expect(try await reminders("lx_service_handler").isEmpty)
            #expect(try await reminders("pj_handler").isEmpty)
            // Once the unit has reported on the 旬, it is not reminded again.
            let tasks = try await client.send(.GET, "/api/v1/plans/\(id)", token: dispatcher).content
                .get([PlansAPI.TaskDTO].self, at: "tasks")
            let handler = try await client.token("lx_handler")
            for task in tasks
            where !task.isHeading && task.leadUnits.contains(where: { $0.id == world.linxiangEconomy }) {
                let report = try await client.send(
                    .POST, "/api/v1/tasks/\(task.id)/progress", token: handler,
                    json: ["progress": "专场招聘会2场", "percent": 30])
                #expect(report.status == .created, "\(report.body.string)")
            }
            _ = try await PlanReminders.run(period: period, now: Date(), on: app.db)
            #expect(try await reminders("lx_handler").count == 1)
        }
    }
}
