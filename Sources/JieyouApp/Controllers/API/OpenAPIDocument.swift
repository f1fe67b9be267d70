import Foundation

/// The OpenAPI 3.0 description of `/api/v1`, kept as JSON files beside the controllers they describe
/// (`OpenAPI/openapi-base.json` with the components, one `openapi-paths-….json` per area) and compiled
/// into the binary. What every operation shares is added here once rather than written 120 times:
/// the bearer token and its 401. Tests check that the document and the route table list the same
/// operations; schemathesis fuzzes the server against it in CI.
enum OpenAPIDocument {
    /// The areas' path files, in the order they are merged.
    private static let pathFiles: [[UInt8]] = [
        PackageResources.openapi_paths_session_json, PackageResources.openapi_paths_organisation_json,
        PackageResources.openapi_paths_registry_json, PackageResources.openapi_paths_problems_json,
        PackageResources.openapi_paths_policies_json, PackageResources.openapi_paths_plans_json,
        PackageResources.openapi_paths_attachments_json,
    ]

    /// Operations anyone may call: signing in, and this document.
    static let open: Set<String> = ["POST /auth/login", "GET /openapi.json"]

    static let methods = ["get", "put", "post", "delete", "patch"]

    /// The merged and completed document as served.
    static let json: String = {
        do {
            let data = try JSONSerialization.data(withJSONObject: try build(), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            // The files are compiled in and parsed by the tests; a broken one cannot ship.
            preconditionFailure("the OpenAPI files do not parse: \(error)")
        }
    }()

    static func build() throws -> [String: Any] {
        guard
            var document = try JSONSerialization.jsonObject(with: Data(PackageResources.openapi_base_json))
                as? [String: Any]
        else { throw DocumentError.notAnObject("openapi-base.json") }
        var paths: [String: Any] = [:]
        for file in pathFiles {
            guard let area = try JSONSerialization.jsonObject(with: Data(file)) as? [String: Any] else {
                throw DocumentError.notAnObject("a paths file")
            }
            for (path, item) in area {
                if paths[path] != nil { throw DocumentError.duplicatePath(path) }
                paths[path] = item
            }
        }
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { throw DocumentError.notAnObject(path) }
            let pathParameters = path.contains("{")
            for method in methods {
                guard var operation = operations[method] as? [String: Any] else { continue }
                let key = "\(method.uppercased()) \(path)"
                // Every query parameter reads blank as absent (`Request.queryText`), as a form's empty field.
                if var parameters = operation["parameters"] as? [[String: Any]] {
                    for index in parameters.indices where parameters[index]["in"] as? String == "query" {
                        parameters[index]["allowEmptyValue"] = true
                    }
                    operation["parameters"] = parameters
                }
                operation["responses"] = completed(operation, key, pathParameters: pathParameters)
                if open.contains(key) { operation["security"] = [Any]() }
                operations[method] = operation
            }
            paths[path] = operations
        }
        document["paths"] = paths
        return document
    }

    /// The operation's answers with those that every operation of its shape can give, which the files
    /// need not repeat: 401 without a valid token, 403 while the account must change its one-time
    /// password (`passwordChangeRequired`, before any role check), 404 for a path's record that is not
    /// there or not the caller's, 400 for a query parameter or a body that does not read, 413 and 415
    /// for a body too large or of a type the route does not take.
    static func completed(_ operation: [String: Any], _ key: String, pathParameters: Bool) -> [String: Any] {
        var responses = operation["responses"] as? [String: Any] ?? [:]
        func add(_ status: String, _ name: String) {
            if responses[status] == nil { responses[status] = ["$ref": "#/components/responses/\(name)"] }
        }
        if !open.contains(key) {
            add("401", "Unauthenticated")
            if !passwordChangeExempt.contains(key) { add("403", "Forbidden") }
        }
        if pathParameters { add("404", "NotFound") }
        let parameters = operation["parameters"] as? [[String: Any]] ?? []
        if parameters.contains(where: { $0["in"] as? String == "query" }) { add("400", "Error") }
        if operation["requestBody"] != nil {
            add("400", "Error")
            add("413", "TooLarge")
            add("415", "UnsupportedMediaType")
        }
        return responses
    }

    /// The operations an account that must change its password may still call (`PasswordChangeGate`).
    static let passwordChangeExempt: Set<String> = ["POST /auth/password", "GET /me", "POST /auth/logout"]

    enum DocumentError: Error {
        case notAnObject(String)
        case duplicatePath(String)
    }
}
