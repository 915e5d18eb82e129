namespace Checkout.Generated.Tests.Releases;

/// <summary>
/// A small document in the style of Checkout.com's previous-platform ("ABC") spec, written here: secret and public
/// keys only (no OAuth), a document-level <c>security</c>, ordering prefixes on schema names, and the shapes that
/// break generators: <c>allOf</c> of several references that define the same properties (<c>number</c>, <c>id</c>,
/// <c>amount</c>), discriminated sources whose subtypes extend several schemas, an enum wrapped with a description.
/// </summary>
internal static class PreviousPlatformDocument
{
    public const string Json = """
    {
      "openapi": "3.0.1",
      "info": { "title": "Checkout.com API Reference (previous platform)", "version": "1.0.0" },
      "servers": [ { "url": "https://api.sandbox.checkout.com" }, { "url": "https://api.checkout.com" } ],
      "security": [ { "ApiSecretKey": [] } ],
      "tags": [ { "name": "Payments" }, { "name": "Tokens" } ],
      "paths": {
        "/payments": {
          "post": {
            "tags": [ "Payments" ], "summary": "Request a payment", "operationId": "requestAPayment",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentRequest" } } } },
            "responses": {
              "201": { "description": "Payment processed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentResponse" } } } },
              "422": { "description": "Invalid data", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ValidationError" } } } }
            }
          }
        },
        "/payments/{id}": {
          "get": {
            "tags": [ "Payments" ], "summary": "Get payment details",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
            "responses": { "200": { "description": "Payment", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentDetails" } } } } }
          }
        },
        "/payments/{id}/captures": {
          "post": {
            "tags": [ "Payments" ], "summary": "Capture a payment",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
            "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaptureRequest" } } } },
            "responses": { "202": { "description": "Capture accepted", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Links" } } } } }
          }
        },
        "/tokens": {
          "post": {
            "tags": [ "Tokens" ], "summary": "Request a token", "security": [ { "ApiPublicKey": [] } ],
            "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CardDetails" } } } },
            "responses": { "201": { "description": "Token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenResponse" } } } } }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "ApiSecretKey": { "type": "apiKey", "in": "header", "name": "Authorization" },
          "ApiPublicKey": { "type": "apiKey", "in": "header", "name": "Authorization" }
        },
        "schemas": {
          "CurrencyCode": { "type": "string", "enum": [ "GBP", "EUR", "USD" ], "maxLength": 3 },
          "Links": { "type": "object", "properties": { "_links": { "type": "object", "additionalProperties": { "type": "string" } } } },
          "CardDetails": {
            "type": "object", "required": [ "number" ],
            "properties": { "number": { "type": "string", "description": "The card number" }, "expiry_month": { "type": "integer" }, "expiry_year": { "type": "integer" } }
          },
          "CardHolder": {
            "type": "object",
            "properties": { "name": { "type": "string" }, "number": { "type": "string", "description": "The card holder's phone number" } }
          },
          "PaymentRequestSource": {
            "type": "object", "required": [ "type" ],
            "properties": { "type": { "type": "string" } },
            "discriminator": { "propertyName": "type", "mapping": { "card": "#/components/schemas/01_PaymentRequestCardSource", "id": "#/components/schemas/02_PaymentRequestIdSource" } }
          },
          "01_PaymentRequestCardSource": {
            "type": "object",
            "allOf": [ { "$ref": "#/components/schemas/PaymentRequestSource" }, { "$ref": "#/components/schemas/CardDetails" }, { "$ref": "#/components/schemas/CardHolder" } ]
          },
          "02_PaymentRequestIdSource": {
            "type": "object",
            "allOf": [ { "$ref": "#/components/schemas/PaymentRequestSource" }, { "type": "object", "properties": { "id": { "type": "string" }, "cvv": { "type": "string" } } } ]
          },
          "PaymentRequest": {
            "type": "object", "required": [ "source", "amount", "currency" ],
            "properties": {
              "source": { "$ref": "#/components/schemas/PaymentRequestSource" },
              "amount": { "type": "integer" },
              "currency": { "allOf": [ { "$ref": "#/components/schemas/CurrencyCode" }, { "description": "The ISO 4217 currency" } ] },
              "reference": { "type": "string" }
            }
          },
          "PaymentBase": { "type": "object", "properties": { "id": { "type": "string" }, "amount": { "type": "integer" }, "status": { "type": "string" } } },
          "PaymentIdentity": { "type": "object", "properties": { "id": { "type": "string", "description": "The payment id" }, "reference": { "type": "string" }, "amount": { "type": "integer" } } },
          "PaymentResponseSource": {
            "type": "object", "required": [ "type" ],
            "properties": { "type": { "type": "string" } },
            "discriminator": { "propertyName": "type", "mapping": { "card": "#/components/schemas/PaymentResponseCardSource" } }
          },
          "PaymentResponseCardSource": {
            "allOf": [ { "$ref": "#/components/schemas/CardDetails" }, { "$ref": "#/components/schemas/PaymentResponseSource" }, { "$ref": "#/components/schemas/CardHolder" } ]
          },
          "PaymentResponse": {
            "type": "object",
            "allOf": [
              { "$ref": "#/components/schemas/PaymentBase" }, { "$ref": "#/components/schemas/Links" }, { "$ref": "#/components/schemas/PaymentIdentity" },
              { "type": "object", "properties": { "source": { "$ref": "#/components/schemas/PaymentResponseSource" }, "approved": { "type": "boolean" } } }
            ]
          },
          "PaymentDetails": { "allOf": [ { "$ref": "#/components/schemas/PaymentResponse" }, { "$ref": "#/components/schemas/Links" }, { "description": "A payment" } ] },
          "CaptureRequest": { "type": "object", "properties": { "amount": { "type": "integer" }, "reference": { "type": "string" } } },
          "TokenResponse": { "type": "object", "allOf": [ { "$ref": "#/components/schemas/Links" }, { "$ref": "#/components/schemas/CardDetails" } ], "properties": { "token": { "type": "string" } } },
          "ValidationError": { "type": "object", "properties": { "request_id": { "type": "string" }, "error_type": { "type": "string" }, "error_codes": { "type": "array", "items": { "type": "string" } } } }
        }
      }
    }
    """;
}
