import Vapor

/// `GET /api/v1/openapi.json`: the API description for integrators (and `/docs/api`, the same as a
/// page, registered with the pages).
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

/// 接口文档 (`/docs/api`): the OpenAPI document as a page, open to anyone like the document itself.
struct OpenAPIPageWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.apiDocs, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await req.page("接口文档", OpenAPIPage.html)
    }
}
