// cbor-x loads this in a try/catch and falls back to its own JavaScript decoder.
throw new Error('cbor-extract is not installed; cbor-x uses its JavaScript decoder');
