import AsyncHTTPClient
import Foundation
import JieyouDomain

/// Issue 7's benchmark. Seed 001 (西洞庭管理区“七大攻坚”总体方案: 7 workstreams, 150 tasks) is parsed
/// in process and previewed over HTTP, then saved `--plans` times (150, as many plans as the province
/// has parks) by the demo park's 专班办公室, which creates its 41 units once; the office files every
/// lead unit's 旬调度 of one plan; and that plan is read: with its tasks, the 旬 summary (who has not
/// reported), the 月通报, the 三张清单 .xlsx, and the list of plans the province's admin sees.
struct PlanScenario {
    let options: Options

    func run() async throws {
        let seed = URL(fileURLWithPath: options.seedPlan)
        guard let text = try? String(contentsOf: seed, encoding: .utf8), text.count > 10_000 else {
            throw BenchError("\(options.seedPlan) not found: run from the repository with ../shared beside it")
        }
        let workspace = try Workspace(existing: nil)
        defer { workspace.finish(keeping: options.keep) }
        try ProvinceSetup.loadDemo(binary: options.binary, workspace: workspace)
        let server = try Server(binary: options.binary, workspace: workspace, loadDemo: false)
        defer { server.stop() }
        let client = keepAliveClient(connections: 1)
        do {
            try await server.waitUntilReady(client)
            let office = try await APIClient.signIn(
                client, base: server.base, username: "gx_dispatcher", password: "Jieyou2024")
            let admin = try await APIClient.signIn(client, base: server.base, username: "admin", password: "Jieyou2024")

            step("parsing seed 001 in process")
            var parse: [Double] = []
            let parseStart = DispatchTime.now().uptimeNanoseconds
            var draft = PlanTextParser.parse(text)
            for _ in 0..<options.planRuns {
                let t0 = DispatchTime.now().uptimeNanoseconds
                draft = PlanTextParser.parse(text)
                parse.append(milliseconds(since: t0))
            }
            let inProcess = Measurement(
                name: "parse seed 001 (in process)", seconds: milliseconds(since: parseStart) / 1000, latencies: parse)

            step("previewing it over HTTP")
            var preview: [Double] = []
            let previewStart = DispatchTime.now().uptimeNanoseconds
            var parsed: [String: Any] = [:]
            for _ in 0..<options.planRuns {
                let t0 = DispatchTime.now().uptimeNanoseconds
                parsed = try await office.call("/api/v1/plans/parse", method: .POST, json: ["text": text])
                preview.append(milliseconds(since: t0))
            }
            let overHTTP = Measurement(
                name: "POST /api/v1/plans/parse (seed 001, units matched)",
                seconds: milliseconds(since: previewStart) / 1000, latencies: preview)

            step("saving it \(options.plans) times")
            var saves: [Double] = []
            var planIDs: [String] = []
            let saveStart = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<options.plans {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let saved = try await office.call(
                    "/api/v1/plans", method: .POST, json: ["draft": parsed["draft"] ?? [:]], expect: .created)
                saves.append(milliseconds(since: t0))
                planIDs.append(saved["id"] as? String ?? "")
            }
            let save = Measurement(
                name: "POST /api/v1/plans (seed 001: \(draft.taskCount) tasks, \(draft.targetCount) targets)",
                seconds: milliseconds(since: saveStart) / 1000, latencies: saves)

            step("filing every lead unit's 旬调度 of one plan")
            let plan = planIDs[planIDs.count / 2]
            let detail = try await office.call("/api/v1/plans/\(plan)")
            let tasks = (detail["tasks"] as? [[String: Any]] ?? []).filter { ($0["isHeading"] as? Bool) == false }
            var reports: [Double] = []
            let reportStart = DispatchTime.now().uptimeNanoseconds
            for (index, task) in tasks.enumerated() {
                guard let id = task["id"] as? String,
                    let lead = (task["leadUnits"] as? [[String: Any]])?.first?["id"] as? String
                else { continue }
                let request = try office.request(
                    "/api/v1/tasks/\(id)/progress", method: .POST,
                    json: ["progress": "按计划推进，完成本旬工作量", "percent": 10 + index % 80, "departmentId": lead])
                let t0 = DispatchTime.now().uptimeNanoseconds
                let (status, body) = try await send(client, request)
                reports.append(milliseconds(since: t0))
                // A report answers 201 with no body.
                guard status == .created else {
                    throw BenchError(
                        "POST /api/v1/tasks/\(id)/progress answered \(status): \(String(buffer: body).prefix(300))")
                }
            }
            let report = Measurement(
                name: "POST /api/v1/tasks/{id}/progress", seconds: milliseconds(since: reportStart) / 1000,
                latencies: reports)
            let runs = options.planRuns
            let reads = [
                try await office.timeSequentially(
                    "GET /api/v1/plans/{id} (the plan with its tasks)",
                    path: "/api/v1/plans/\(plan)", times: runs),
                try await office.timeSequentially(
                    "GET /api/v1/plans/{id}/progress (this 旬, who has not reported)",
                    path: "/api/v1/plans/\(plan)/progress", times: runs),
                try await office.timeSequentially(
                    "GET /api/v1/plans/{id}/bulletin (月通报)",
                    path: "/api/v1/plans/\(plan)/bulletin?kind=month", times: runs),
                try await office.timeSequentially(
                    "GET /api/v1/plans/{id}/lists.xlsx (三张清单)",
                    path: "/api/v1/plans/\(plan)/lists.xlsx", times: runs),
                try await admin.timeSequentially(
                    "GET /api/v1/plans as the province (\(options.plans) plans)",
                    path: "/api/v1/plans", times: runs),
            ]
            print("\n### Plans (\(workspace.databaseName))\n")
            print(
                "Seed 001: \(draft.workstreams.count) workstreams, \(draft.targetCount) targets, \(draft.taskCount) tasks, \(draft.unitNames.count) units; saved \(options.plans) times (\(options.plans * draft.taskCount) tasks), \(reports.count) 旬调度 reports on one plan.\n"
            )
            print("| measurement | runs | p50 ms | p99 ms |")
            print("|---|---:|---:|---:|")
            for m in [inProcess, overHTTP, save, report] + reads {
                print(
                    m.latencyRow)
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
