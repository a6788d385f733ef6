package kz.qorgau.notification;

public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
