"""The HTTP face of the server: FastAPI app, routes, schemas, problems, middleware."""
