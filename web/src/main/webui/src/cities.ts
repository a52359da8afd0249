/** Where a buyer is or wants the car: city centres stand in for a geocoder in this sandbox. */
export const CITIES: { name: string; latitude: number; longitude: number }[] = [
  { name: '上海 Shanghai', latitude: 31.2304, longitude: 121.4737 },
  { name: '北京 Beijing', latitude: 39.9042, longitude: 116.4074 },
  { name: '广州 Guangzhou', latitude: 23.1291, longitude: 113.2644 },
  { name: '深圳 Shenzhen', latitude: 22.5431, longitude: 114.0579 },
  { name: '成都 Chengdu', latitude: 30.5728, longitude: 104.0668 },
  { name: '杭州 Hangzhou', latitude: 30.2741, longitude: 120.1551 },
];
