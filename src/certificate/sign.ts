/**
 * Ed25519 signatures on autonomy certificates (DESIGN §6), with `node:crypto` alone. The signature
 * covers the canonical JSON of every field but `signature` itself, so changing any byte of the
 * content — or the claimed key — makes verification fail, with no database needed.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { GateConfigError } from "../errors.js";
import { canonicalJson } from "../hash.js";
import type { AutonomyCertificate, CertificateSignature } from "./types.js";

/** A fresh Ed25519 key pair as PEM: PKCS#8 private key, SPKI public key. */
export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

function ed25519(key: KeyObject, path: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new GateConfigError(path, `${key.asymmetricKeyType ?? "unknown"} key`, "an Ed25519 key (PEM)");
  return key;
}

function privateKeyOf(pem: string): KeyObject {
  try {
    return ed25519(createPrivateKey(pem), "key");
  } catch (error) {
    if (error instanceof GateConfigError) throw error;
    throw new GateConfigError("key", "(unreadable)", "an Ed25519 private key in PEM (PKCS#8)");
  }
}

function publicKeyOf(pem: string): KeyObject {
  try {
    return ed25519(createPublicKey(pem), "pub");
  } catch (error) {
    if (error instanceof GateConfigError) throw error;
    throw new GateConfigError("pub", "(unreadable)", "an Ed25519 public key in PEM (SPKI)");
  }
}

/** The bytes a signature covers: canonical JSON of the certificate without `signature`. */
export function signedBytes(certificate: AutonomyCertificate | Omit<AutonomyCertificate, "signature">): Buffer {
  const { signature: _omitted, ...content } = certificate as AutonomyCertificate;
  return Buffer.from(canonicalJson(content), "utf8");
}

/** Signs a certificate with an Ed25519 private key (PEM); the public key travels with it. */
export function signCertificate(certificate: AutonomyCertificate, privateKeyPem: string): AutonomyCertificate {
  const key = privateKeyOf(privateKeyPem);
  const { signature: _previous, ...content } = certificate;
  const publicKey = createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
  const value = sign(null, signedBytes(content), key).toString("base64");
  const signature: CertificateSignature = { alg: "Ed25519", publicKey, value };
  return { ...content, signature };
}

/**
 * Checks a certificate's Ed25519 signature against a trusted public key (PEM) — not the key the
 * certificate claims, which anyone could replace. Offline: no database.
 * @returns the problems found; empty when the signature is valid.
 */
export function checkSignature(certificate: unknown, trustedPublicKeyPem: string): string[] {
  const trusted = publicKeyOf(trustedPublicKeyPem);
  if (certificate === null || typeof certificate !== "object") return ["not a certificate object"];
  const signature = (certificate as { signature?: Partial<CertificateSignature> }).signature;
  if (signature === undefined) return ["the certificate is not signed"];
  if (signature.alg !== "Ed25519" || typeof signature.value !== "string") return ["unsupported or malformed signature"];
  const ok = verify(null, signedBytes(certificate as AutonomyCertificate), trusted, Buffer.from(signature.value, "base64"));
  return ok ? [] : ["signature does not verify with the given public key: the certificate was changed after signing, or signed by another key"];
}
