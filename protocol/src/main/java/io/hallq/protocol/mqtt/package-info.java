/**
 * The MQTT contract between a hall, its neighbours and central systems: topic names ({@link Topics}),
 * message records (each carries the contract version {@code v}) and their codec ({@link MqttCodec}).
 * JSON Schemas for every message live under {@code /schemas}; docs/mqtt.md and protocol/asyncapi.yaml
 * describe the whole tree for implementers in other languages.
 */
package io.hallq.protocol.mqtt;
