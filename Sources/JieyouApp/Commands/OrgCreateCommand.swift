import Fluent
import JieyouDomain
import Vapor

/// `jieyou org create --level L --name N [--code C] [--parent CODE]`: sets up the org tree of a new
/// installation from the command line (the first, root unit can only be made here).
struct OrgCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "level", help: "province, city, county or park") var level: String?
        @Option(name: "name") var name: String?
        @Option(name: "code", help: "GB/T 2260 code (6 digits) or a park's local code") var code: String?
        @Option(name: "parent", help: "Code of the parent unit; omit for the root") var parent: String?
    }

    var help: String { "Creates an org unit (the root when --parent is omitted)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        // Setting up a new installation starts here, so bring the schema up to date first, as `serve` does.
        try await app.prepareDatabase()
        var parentID: UUID?
        if let parentCode = signature.parent {
            guard let parent = try await OrgUnitModel.query(on: app.db).filter(\.$code == parentCode).first() else {
                throw CommandFailure(message: "--parent：找不到代码为 \(parentCode) 的组织")
            }
            parentID = parent.id
        } else if try await OrgUnitModel.query(on: app.db).count() > 0 {
            throw CommandFailure(message: "--parent：已有根组织，新组织须指定上级组织代码")
        }
        let input = OrgUnitInput(parentID: parentID, level: signature.level, name: signature.name, code: signature.code)
        do {
            let unit = try await OrgUnitService(database: app.db, now: app.clock.now()).createRoot(input, actorID: nil)
            context.console.print("已创建组织 \(unit.name)（\(unit.orgLevel.chineseName)）。")
        } catch {
            throw try CommandFailure.from(
                error, options: ["level": "--level", "name": "--name", "code": "--code", "parentId": "--parent"])
        }
    }
}
