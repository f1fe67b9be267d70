import Foundation

/// What the province-scale scenarios start from: the demo, the other 13 cities and parks up to 150
/// through `POST /api/v1/org-units`, and 200,000 enterprises imported with `jieyou import enterprises`.
enum ProvinceSetup {
    static func loadDemo(binary: String, workspace: Workspace) throws {
        step("loading the demo into a fresh \(workspace.databaseName) database")
        let demo = try ChildProcess.run(
            binary, ["demo"], environment: workspace.environment, outputFile: workspace.path("demo.log"))
        guard demo.exitCode == 0 else { throw BenchError("jieyou demo failed:\n\(demo.output)") }
    }

    /// The other cities and the parks, as the province's admin.
    static func addParks(_ province: ProvinceFixture, as admin: APIClient) async throws {
        step("adding \(province.cities.count) cities and \(province.newParks.count) parks")
        var ids: [String: String] = [:]
        for unit in try await admin.list("/api/v1/org-units") {
            if let code = unit["code"] as? String, let id = unit["id"] as? String { ids[code] = id }
        }
        for city in province.cities {
            let created = try await admin.call(
                "/api/v1/org-units", method: .POST,
                json: ["parentId": admin.orgUnitID, "level": "city", "name": city.name, "code": city.code],
                expect: .created)
            ids[city.code] = created["id"] as? String
        }
        for park in province.newParks {
            guard let parent = ids[park.cityCode] else { throw BenchError("no unit for city \(park.cityCode)") }
            try await admin.call(
                "/api/v1/org-units", method: .POST,
                json: ["parentId": parent, "level": "park", "name": park.name, "code": park.code], expect: .created)
        }
    }

    /// Writes `count` enterprises to a CSV file and imports it as a child process (timed).
    static func importEnterprises(
        _ count: Int, parks: [ProvinceFixture.Park], binary: String, workspace: Workspace
    ) throws -> (ChildRun, EnterpriseListFile.Samples) {
        step("writing \(count) enterprises to a CSV file")
        let file = workspace.path("enterprises.csv")
        let samples = try EnterpriseListFile.write(count: count, parks: parks, to: file)
        step("importing them with `jieyou import enterprises`")
        let imported = try ChildProcess.run(
            binary, ["import", "enterprises", file, "--org", "430000"], environment: workspace.environment,
            outputFile: workspace.path("import.log"))
        guard imported.exitCode == 0, imported.output.contains("已导入 \(count) 家企业") else {
            throw BenchError("the import failed (\(imported.exitCode)):\n\(imported.output.prefix(2000))")
        }
        return (imported, samples)
    }
}
