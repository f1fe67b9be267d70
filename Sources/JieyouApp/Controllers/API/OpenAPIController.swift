import Vapor

/// `GET /api/v1/openapi.json`: the API description for integrators.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }
}
