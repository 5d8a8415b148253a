package io.hallq.protocol.mqtt;

/** Every message of the contract carries the contract version {@code v} in its envelope. */
public sealed interface MqttMessage permits HallOnline, HallStatus, EventMessage, AlarmMessage, DeviceHealth,
        DailyStats, HallProfile, HallBoard, CommandRequest, CommandResponse, PhoneLookupRequest, PhoneLookupReply {

    int v();
}
