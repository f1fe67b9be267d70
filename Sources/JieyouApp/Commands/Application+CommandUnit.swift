import Fluent
import Vapor

extension Application {
    /// The unit a command's `--org CODE` names; without one, or with a code no unit has, the command
    /// fails saying what the option is for (`purpose`: 导入到, 开通到, 要导出).
    func commandUnit(code: String?, purpose: String) async throws -> UUID {
        guard let code else { throw CommandFailure(message: "--org：请用 --org 指定\(purpose)的组织代码") }
        guard let unit = try await OrgUnitModel.query(on: db).filter(\.$code == code).first(), let id = unit.id else {
            throw CommandFailure(message: "--org：找不到代码为 \(code) 的组织")
        }
        return id
    }
}
