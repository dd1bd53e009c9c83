#!/usr/bin/env node
// The `groundwork` executable. Node 24 runs the TypeScript sources directly (type stripping).
import '../src/bin.ts';
