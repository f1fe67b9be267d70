import Fluent
import JieyouDomain
import Vapor

/// `jieyou user create --username U --password P --role R [--org-unit CODE] [--department ID]`.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "password") var password: String?
        @Option(name: "role", help: "One role code or several separated by commas (admin, dispatcher, handler, …)")
        var role: String?
        @Option(name: "org-unit", help: "The code of the org unit; defaults to the only root unit")
        var orgUnit: String?
        @Option(name: "department", help: "Department id (handlers)") var department: String?
        @Option(name: "name", help: "Display name; defaults to the username") var name: String?
    }

    var help: String { "Creates a user account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let roles = Role.parseList(signature.role ?? "") else {
            throw CommandFailure(message: "--role 无效：可选 \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let unit: OrgUnitModel?
        if let code = signature.orgUnit {
            unit = try await OrgUnitModel.query(on: app.db).filter(\.$code == code).first()
            guard unit != nil else { throw CommandFailure(message: "--org-unit：找不到代码为 \(code) 的组织") }
        } else {
            let roots = try await OrgUnitModel.query(on: app.db).filter(\.$parent.$id == nil).all()
            guard roots.count == 1 else {
                throw CommandFailure(message: "--org-unit：请用组织代码指定用户所属组织（先用 jieyou org create 建立组织）")
            }
            unit = roots.first
        }
        var departmentID: UUID?
        if let text = signature.department {
            guard let id = UUID(uuidString: text) else { throw CommandFailure(message: "--department：应为部门 ID") }
            departmentID = id
        }
        let input = UserInput(
            username: signature.username, password: signature.password,
            displayName: signature.name ?? signature.username,
            roles: roles.map(\.rawValue), orgUnitID: unit!.id, departmentID: departmentID)
        do {
            let user = try await UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing)
                .create(input, by: nil)
            context.console.print(
                "已创建用户 \(user.username)（\(user.roles.sorted().map(\.chineseName).joined(separator: "、"))，\(unit!.name)）。"
            )
        } catch {
            throw try CommandFailure.from(
                error,
                options: [
                    "username": "--username", "password": "--password", "roles": "--role", "orgUnitId": "--org-unit",
                    "departmentId": "--department", "displayName": "--name", "phone": "--phone",
                ])
        }
    }
}
