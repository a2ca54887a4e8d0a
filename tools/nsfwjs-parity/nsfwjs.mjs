// Loads NSFWJS's MobileNetV2 (the model Vigil imports) on a pure-JS/wasm TF.js backend, quietly.
import * as tf from "@tensorflow/tfjs";
import { setThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import jpeg from "jpeg-js";
import * as nsfwjs from "nsfwjs";

export const IMAGE_SIZE = 224;

/** backend: "wasm" (single-threaded, SIMD when available) or "cpu" (plain JavaScript). */
export async function loadNsfwjs(backend) {
  if (backend !== "wasm" && backend !== "cpu") {
    throw new Error(`backend must be wasm or cpu, got ${backend}`);
  }
  if (backend === "wasm") {
    setThreadsCount(1);
  }
  const info = console.info;
  const warn = console.warn;
  const log = console.log;
  console.info = console.warn = console.log = () => {}; // TF.js and NSFWJS greet on stdout; keep it clean
  try {
    if (!(await tf.setBackend(backend))) {
      throw new Error(`TF.js backend ${backend} failed to initialise`);
    }
    await tf.ready();
    const model = await nsfwjs.load("MobileNetV2");
    return { tf, model, features: describe(backend) };
  } finally {
    console.info = info;
    console.warn = warn;
    console.log = log;
  }
}

function describe(backend) {
  const features = { backend, tfjs: tf.version.tfjs };
  if (backend === "wasm") {
    features.simd = tf.env().getBool("WASM_HAS_SIMD_SUPPORT");
    features.multithread = tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT");
  }
  return features;
}

/** Reads little-endian float32 values written by Java. */
export function readFloat32(buffer) {
  const values = new Float32Array(buffer.length / 4);
  for (let i = 0; i < values.length; i++) {
    values[i] = buffer.readFloatLE(i * 4);
  }
  return values;
}

export function parseArgs(argv, defaults) {
  const args = { ...defaults };
  for (const arg of argv.slice(2)) {
    const match = /^--([\w-]+)=(.*)$/.exec(arg);
    if (!match) {
      throw new Error(`arguments look like --name=value, got ${arg}`);
    }
    args[match[1]] = match[2];
  }
  return args;
}

/** Decodes a JPEG with jpeg-js (pure JavaScript) to RGB samples as int32, as tf.browser.fromPixels would give. */
export function decodeJpeg(bytes) {
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  const pixels = decoded.width * decoded.height;
  const rgb = new Int32Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = decoded.data[i * 4];
    rgb[i * 3 + 1] = decoded.data[i * 4 + 1];
    rgb[i * 3 + 2] = decoded.data[i * 4 + 2];
  }
  return { width: decoded.width, height: decoded.height, rgb };
}
