# The supervisor image for users with Docker (docker compose up). Debian's librdkafka lets the
# optional node-rdkafka client build quickly against the system library.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends librdkafka-dev python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN BUILD_LIBRDKAFKA=0 npm ci --omit=dev --include=optional || BUILD_LIBRDKAFKA=0 npm ci --omit=dev
COPY . .
ENV PORT=8080
EXPOSE 8080
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/supervisor.js"]
CMD ["start", "--roles", "worker,gateway"]
