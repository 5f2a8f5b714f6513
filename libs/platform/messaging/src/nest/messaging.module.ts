import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { MessagingOptions, prefixed } from '../messaging-options';
import { createKafka } from '../kafka/kafka-factory';
import { ensureTopics } from '../kafka/ensure-topics';
import { OutboxWriter } from '../outbox/outbox-writer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { ConsumerRunner } from '../inbox/consumer-runner';
import { EventConsumer } from '../inbox/event-handler';
import { KafkaHealth } from './kafka-health';
import { MessagingReadiness, ReadinessSettings, readinessSettingsFromEnv } from '../health/messaging-readiness';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');

export interface MessagingModuleOptions extends MessagingOptions {
  /** Topics this service publishes to (base names); created at boot. */
  produces?: string[];
  /** Consumer classes to run as consumer groups; each must be a provider of one of the service's feature modules. */
  consumers?: Type<EventConsumer>[];
  /** Readiness thresholds (default: READINESS_* from the environment, 60 s each). */
  readiness?: Partial<ReadinessSettings>;
  /** Start the relay and consumers at boot (default true). */
  autoStart?: boolean;
}

/** Starts the outbox relay and every consumer when the app boots; stops them on shutdown. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runners: ConsumerRunner[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly moduleRef: ModuleRef,
    private readonly kafkaHealth: KafkaHealth,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.autoStart === false) return;
    await this.startAll();
  }

  async startAll(): Promise<void> {
    await ensureTopics(this.kafka, (this.options.produces ?? []).map((t) => prefixed(this.options, t)), this.options.partitions ?? 3);
    await this.relay.start();
    for (const type of this.options.consumers ?? []) {
      // consumers are providers of the service's feature modules
      const c = this.moduleRef.get<EventConsumer>(type, { strict: false });
      const runner = new ConsumerRunner(c, this.dataSource, this.kafka, this.outbox, this.options);
      this.runners.push(runner);
      await runner.start();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
    await this.relay.stop();
    await this.kafkaHealth.close();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: KAFKA, useFactory: () => createKafka(options.service, options.brokers) },
      { provide: OutboxWriter, useFactory: () => new OutboxWriter(options) },
      { provide: OutboxRelay, useFactory: (ds: DataSource, kafka: Kafka) => new OutboxRelay(ds, kafka, options), inject: [DataSource, KAFKA] },
      { provide: KafkaHealth, useFactory: (kafka: Kafka) => new KafkaHealth(kafka), inject: [KAFKA] },
      MessagingLifecycle,
      {
        provide: MessagingReadiness,
        useFactory: (ds: DataSource, lifecycle: MessagingLifecycle, relay: OutboxRelay) => new MessagingReadiness(ds, () => lifecycle.runners, relay, {
            ...readinessSettingsFromEnv(),
            // an env built by hand (tests) may leave a threshold out: keep the default then
            ...Object.fromEntries(Object.entries(options.readiness ?? {}).filter(([, v]) => v !== undefined)),
          }),
        inject: [DataSource, MessagingLifecycle, OutboxRelay],
      },
    ];
    return { module: MessagingModule, global: true, providers, exports: [OutboxWriter, OutboxRelay, KafkaHealth, MessagingReadiness, KAFKA, MESSAGING_OPTIONS, MessagingLifecycle] };
  }
}
