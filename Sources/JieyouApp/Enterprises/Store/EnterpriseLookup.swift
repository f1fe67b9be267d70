import Foundation
import JieyouDomain
import SQLKit

/// Finds enterprises by what people type in a list: the 统一社会信用代码 or the full name, within the
/// units the list belongs to.
enum EnterpriseLookup {
    /// The enterprise for each key (code or exact name), where found in `units`.
    static func resolve(_ keys: [String], units: [UUID], on sql: any SQLDatabase) async throws -> [String: NamedRef] {
        let wanted = Array(Set(keys.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
        guard !wanted.isEmpty, !units.isEmpty else { return [:] }
        var found: [String: NamedRef] = [:]
        for chunk in wanted.chunked(into: 300) {
            let keys = Array(chunk)
            for row in try await sql.raw(
                """
                SELECT id, name, credit_code FROM enterprises
                WHERE (credit_code IN (\(binds: keys.map { $0.uppercased() })) OR name IN (\(binds: keys)))
                  AND org_unit_id IN (\(binds: units))
                """
            ).all() {
                let ref = NamedRef(
                    id: try row.decode(column: "id", as: UUID.self),
                    name: try row.decode(column: "name", as: String.self))
                found[ref.name] = ref
                let code = try row.decode(column: "credit_code", as: String.self)
                if let key = keys.first(where: { $0.uppercased() == code }) { found[key] = ref }
            }
        }
        return found
    }
}

extension EnterpriseLookup {
    /// The enterprise of `units` whose 统一社会信用代码 is `code` (any case).
    static func byCreditCode(_ code: String, units: [UUID], on sql: any SQLDatabase) async throws -> NamedRef? {
        guard !units.isEmpty else { return nil }
        guard
            let row = try await sql.raw(
                """
                SELECT id, name FROM enterprises
                WHERE credit_code = \(bind: code.uppercased()) AND org_unit_id IN (\(binds: units))
                """
            ).first()
        else { return nil }
        return NamedRef(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self))
    }

    /// The names of the enterprises among `ids`.
    static func names(of ids: Set<UUID>, on sql: any SQLDatabase) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for chunk in Array(ids).chunked(into: 300) {
            for row in try await sql.raw("SELECT id, name FROM enterprises WHERE id IN (\(binds: Array(chunk)))").all()
            {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }
}

extension EnterpriseLookup {
    /// The enterprise of `units` that a form's text box names (full name or credit code); nil for a
    /// blank box, a refusal naming `field` for a name that matches none.
    static func typed(_ key: String, units: [UUID], field: String, on sql: any SQLDatabase) async throws -> UUID? {
        let key = key.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        guard let match = try await resolve([key], units: units, on: sql)[key] else {
            throw AppError.invalid(field, "找不到本单位的企业“\(key)”")
        }
        return match.id
    }
}
